import { type Iri, NotFoundError } from '@quanta/model';
import type { GraphEdge, GraphNode } from '../ports/knowledge-graph.js';
import type { LineageNode, ProductLink, RunInfo } from '../ports/lineage-graph.js';
import { breadthFirst, type Hop } from '../rules/breadth-first.js';
import type { CatalogDeps } from './deps.js';

/** The most nodes one lineage answer holds; past it the answer says `truncated`. */
export const LINEAGE_NODE_CAP = 1000;

/** Datasets and jobs around a start node, with the reads and writes between them. */
export interface LineageView {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly GraphEdge[];
  readonly truncated: boolean;
}

/** Products upstream and/or downstream of one product, with why each link exists. */
export interface ProductLineage {
  readonly product: Iri;
  /** The product itself first, then every product reached (stubs for products not yet registered). */
  readonly nodes: readonly GraphNode[];
  readonly links: readonly ProductLink[];
  readonly truncated: boolean;
}

/**
 * The lineage graph around a dataset or job, both ways, `depth` hops of reads and writes
 * (GET /api/v1/lineage).
 * @throws NotFoundError when no dataset or job has this IRI
 */
export async function lineageAround(deps: CatalogDeps, start: Iri, depth: number): Promise<LineageView> {
  const node = await deps.graph.getNode(start);
  if (!node || (node.kind !== 'Dataset' && node.kind !== 'Job')) throw new NotFoundError(`no dataset or job ${start} in the lineage graph`);
  const reach = await deps.graph.traverse(start, { direction: 'both', types: ['reads', 'writes'], depth, maxNodes: LINEAGE_NODE_CAP });
  return { nodes: await deps.graph.lineageNodes(reach.nodes.map((n) => n.iri)), edges: reach.edges, truncated: reach.truncated };
}

/**
 * Product-to-product lineage (GET /api/v1/products/{iri}/lineage): declared input ports, input
 * ports naming another product's dataset, and jobs reading one product's dataset and writing
 * another's, `depth` product hops each way asked for.
 * @throws NotFoundError when the product is not registered
 */
export async function productLineage(
  deps: CatalogDeps,
  iri: Iri,
  direction: 'upstream' | 'downstream' | 'both',
  depth: number,
): Promise<ProductLineage> {
  const start = await deps.graph.getNode(iri);
  if (!start || start.kind !== 'DataProduct' || start.stub) throw new NotFoundError(`no data product ${iri}`);
  const ways = direction === 'both' ? (['upstream', 'downstream'] as const) : [direction];
  const walks = await Promise.all(ways.map((way) => walk(deps, start, way, depth)));
  const nodes = new Map<Iri, GraphNode>();
  const links = new Map<string, ProductLink>();
  for (const w of walks) {
    for (const n of w.nodes) nodes.set(n.iri, n);
    for (const l of w.edges) links.set(linkKey(l), l);
  }
  return { product: iri, nodes: [...nodes.values()], links: [...links.values()], truncated: walks.some((w) => w.truncated) };
}

/** A run and its events, or NotFoundError. */
export async function getRun(deps: CatalogDeps, runId: string): Promise<RunInfo> {
  const run = await deps.graph.getRun(runId);
  if (!run) throw new NotFoundError(`no run ${runId}`);
  return run;
}

function walk(deps: CatalogDeps, start: GraphNode, way: 'upstream' | 'downstream', depth: number) {
  return breadthFirst<ProductLink>(
    start,
    { depth, maxNodes: LINEAGE_NODE_CAP },
    async (frontier): Promise<Hop<ProductLink>[]> => {
      const links = await deps.graph.productLinks(frontier, way);
      const others = [...new Set(links.map((l) => (way === 'upstream' ? l.from : l.to)))];
      const found = new Map((await Promise.all(others.map((o) => deps.graph.getNode(o)))).flatMap((n) => (n ? [[n.iri, n] as const] : [])));
      return links.map((edge) => {
        const other = way === 'upstream' ? edge.from : edge.to;
        return { edge, other, node: () => found.get(other) };
      });
    },
    linkKey,
  );
}

const linkKey = (l: ProductLink) => [l.from, l.to, l.via, l.job ?? '', l.dataset ?? ''].join('\u0000');
