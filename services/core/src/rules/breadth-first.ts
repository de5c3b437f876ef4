import type { GraphEdge, GraphNode, Traversal, TraverseOptions } from '../ports/knowledge-graph.js';

/** The deepest traversal allowed (DESIGN.md §7). */
export const MAX_DEPTH = 10;

/** One edge followed from a frontier node, and how to get the node at its other end. */
export interface Hop<E = GraphEdge> {
  readonly edge: E;
  readonly other: string;
  /** The node at `other`; only asked for nodes not reached yet. Undefined skips the hop's node. */
  node(): GraphNode | undefined;
}

/**
 * The KnowledgeGraph traversal rule, shared by every adapter: breadth first, one hop of the whole
 * frontier at a time, at most `depth` (≤ {@link MAX_DEPTH}) hops, and no more than `maxNodes`
 * nodes, saying so when it cuts the result short. A hub therefore costs at most the cap, never the
 * whole graph. Adapters only say how to expand a frontier; product lineage walks product links
 * with it the same way.
 */
export async function breadthFirst<E = GraphEdge>(
  start: GraphNode,
  options: Pick<TraverseOptions, 'depth' | 'maxNodes'>,
  expand: (frontier: readonly string[]) => Iterable<Hop<E>> | Promise<Iterable<Hop<E>>>,
  /** Identifies an edge, so one followed from both ends is listed once; graph edges by default. */
  keyOf: (edge: E) => string = (e) => {
    const { from, type, to } = e as unknown as GraphEdge;
    return `${from}\u0000${type}\u0000${to}`;
  },
): Promise<Omit<Traversal, 'edges'> & { readonly edges: readonly E[] }> {
  const depth = Math.max(0, Math.min(MAX_DEPTH, Math.floor(options.depth)));
  const reached = new Map<string, GraphNode>([[start.iri, start]]);
  const edges = new Map<string, E>();
  let frontier = [start.iri];
  let truncated = reached.size > options.maxNodes;

  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next: string[] = [];
    for (const hop of await expand(frontier)) {
      if (!reached.has(hop.other)) {
        if (reached.size >= options.maxNodes) {
          truncated = true;
          continue;
        }
        const node = hop.node();
        if (!node) continue;
        reached.set(hop.other, node);
        next.push(hop.other);
      }
      edges.set(keyOf(hop.edge), hop.edge);
    }
    frontier = next;
  }
  return { nodes: [...reached.values()], edges: [...edges.values()], truncated };
}
