import type { SaveProductInput } from '../ports/knowledge-graph.js';

/**
 * Refuses, before any transaction, a graph with an edge the product cannot declare: every edge
 * starts at a node the product owns, except `sameAs` between two concepts it references (an
 * equivalence its semantic model states). A caller bug, not bad input.
 * @throws Error naming the foreign edge
 */
export function assertOwnEdges({ revision, graph }: SaveProductInput): void {
  const owned = new Set(graph.owned.map((n) => n.iri));
  const concepts = new Set(graph.referenced.filter((n) => n.kind === 'Concept').map((n) => n.iri));
  const declarable = (e: (typeof graph.edges)[number]) => owned.has(e.from) || (e.type === 'sameAs' && concepts.has(e.from) && concepts.has(e.to));
  const foreign = graph.edges.find((e) => !declarable(e));
  if (foreign) throw new Error(`edge from ${foreign.from} is not owned by product ${revision.iri}`);
}

/**
 * Checks a batch before any transaction: every edge is the product's own and every product
 * appears once (two revisions of one product in one batch would have no defined order).
 * @throws Error naming the first offending product
 */
export function assertValidBatch(inputs: readonly SaveProductInput[]): void {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.revision.iri)) throw new Error(`${input.revision.iri} appears twice in one batch; save each product once`);
    seen.add(input.revision.iri);
    assertOwnEdges(input);
  }
}
