import Link from 'next/link';
import { drawGraph } from '../graph/draw';
import { GraphSvg } from '../graph/graph-svg';
import type { LineageNodeView, ProductView } from '@/lib/gateway/queries/product';
import { productHref } from '@/lib/links';

/**
 * Product-to-product lineage around a product, drawn left (upstream) to right (downstream) and
 * listed below for readers who would rather not use the picture. Edges come from each product's
 * one-hop links, so a multi-hop graph keeps its real shape.
 */
export async function Lineage({ product, depth }: { product: ProductView; depth: number }) {
  const around = new Map<string, LineageNodeView | ProductView>([...product.upstream, ...product.downstream].map((p) => [p.iri, p]));
  around.set(product.iri, product);
  const edges = new Map<string, { id: string; source: string; target: string; label: string; dashed: boolean }>();
  for (const node of around.values()) {
    for (const link of node.lineageLinks) {
      const [source, target] = [link.upstream.iri, link.downstream.iri];
      if (!around.has(source) || !around.has(target)) continue;
      const id = `${source} ${target}`;
      if (!edges.has(id)) edges.set(id, { id, source, target, label: link.via, dashed: link.via === 'declared' });
    }
  }
  if (around.size === 1) {
    return <p className="muted">No lineage yet: no declared input port, shared dataset or job run links this product to another.</p>;
  }
  const lists = (
    <div className="grid two">
      <NodeList title="Upstream: it reads from" nodes={product.upstream} testid="upstream" />
      <NodeList title="Downstream: they read from it" nodes={product.downstream} testid="downstream" />
    </div>
  );
  if (around.size > MAX_DRAWN) {
    return (
      <>
        <p className="notice">{around.size} products within {depth} hops: too many to draw readably (and to lay out quickly). Fewer hops draw the graph.</p>
        <DepthLinks product={product} depth={depth} />
        {lists}
      </>
    );
  }
  const graph = await drawGraph(
    [...around.values()].map((p) => ({
      id: p.iri,
      title: p.title,
      subtitle: `${p.domain.name} · ${p.owner.name}`,
      href: p.iri === product.iri ? undefined : productHref(p.iri),
      tone: p.iri === product.iri ? 'focus' : 'plain',
    })),
    [...edges.values()],
  );
  return (
    <>
      <GraphSvg graph={graph} label={`Lineage of ${product.title}: upstream products on the left, downstream on the right`} />
      <p className="legend">
        <span>solid: a dataset or job run links them</span>
        <span>dashed: declared by an input port</span>
      </p>
      <DepthLinks product={product} depth={depth} />
      {lists}
    </>
  );
}

/** More products than this are listed, not drawn: ELK runs on the server's event loop. */
const MAX_DRAWN = 150;

function DepthLinks({ product, depth }: { product: ProductView; depth: number }) {
  return (
    <p className="legend">
      <span>
        {depth} hop{depth > 1 ? 's' : ''} each way; show
      </span>
      {[1, 2, 3, 5].map((d) => (
        <Link key={d} href={`${productHref(product.iri)}?depth=${d}#lineage`} aria-current={d === depth ? 'true' : undefined}>
          {d} hop{d > 1 ? 's' : ''}
        </Link>
      ))}
    </p>
  );
}

function NodeList({ title, nodes, testid }: { title: string; nodes: readonly LineageNodeView[]; testid: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {nodes.length === 0 ? (
        <p className="muted small">none</p>
      ) : (
        <ul data-testid={testid}>
          {nodes.map((n) => (
            <li key={n.iri}>
              <Link href={productHref(n.iri)}>{n.title}</Link> <span className="muted small">({n.domain.name})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
