import type { NetworkProductView } from '@/lib/gateway/queries/mesh';
import { productHref } from '@/lib/links';
import { colour } from '../chart/palette';
import { drawGraph } from '../graph/draw';
import { GraphSvg } from '../graph/graph-svg';

/**
 * Every product and every product-to-product link, upstream on the left: the mesh as consumers
 * build on it. Each box carries its domain's colour; products nobody links are left out.
 */
export async function ProductNetwork({ products, domains }: { products: readonly NetworkProductView[]; domains: readonly string[] }) {
  const colourOf = new Map(domains.map((d, i) => [d, colour(i)]));
  const shown = new Set(products.map((p) => p.iri));
  const edges = new Map<string, { id: string; source: string; target: string }>();
  for (const p of products) {
    for (const l of p.lineageLinks) {
      const id = `${l.upstream.iri} ${l.downstream.iri}`;
      if (shown.has(l.upstream.iri) && shown.has(l.downstream.iri)) edges.set(id, { id, source: l.upstream.iri, target: l.downstream.iri });
    }
  }
  const linked = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  const graph = await drawGraph(
    products.filter((p) => linked.has(p.iri)).map((p) => ({ id: p.iri, title: p.title, subtitle: p.domain.name, href: productHref(p.iri), accent: colourOf.get(p.domain.name) })),
    [...edges.values()],
  );
  return (
    <>
      <GraphSvg graph={graph} label={`${linked.size} linked products and ${edges.size} links between them, upstream on the left`} />
      <p className="legend">
        {domains.map((d) => (
          <span key={d}>
            <span aria-hidden="true" style={{ color: colourOf.get(d) }}>
              ■
            </span>{' '}
            {d}
          </span>
        ))}
        <span>
          {products.length - linked.size} product{products.length - linked.size === 1 ? '' : 's'} with no link left out
        </span>
      </p>
    </>
  );
}
