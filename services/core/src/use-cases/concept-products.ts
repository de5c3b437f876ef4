import { type Iri, NotFoundError, type Product } from '@quanta/model';
import type { GraphNode } from '../ports/knowledge-graph.js';
import type { CatalogDeps } from './deps.js';

/** Equivalent concepts followed at most this far, and at most this many of them. */
const EQUIVALENCE_DEPTH = 10;
const MAX_EQUIVALENTS = 200;
/** Products returned at most: a concept every product mentions would otherwise return the mesh. */
const MAX_PRODUCTS = 500;

/** Which products speak about a concept, counting its equivalents. */
export interface ConceptProducts {
  readonly concept: GraphNode;
  /** Concepts declared the same (owl:sameAs, skos:exactMatch, ...), transitively, both ways. */
  readonly equivalents: readonly GraphNode[];
  /** Registered products about the concept or an equivalent, in IRI order. */
  readonly products: readonly Product[];
  /** True when a cap cut the equivalents or the products short. */
  readonly truncated: boolean;
}

/**
 * "Which products speak about X" (DESIGN.md §8) as one graph question: follow `sameAs` edges from
 * X in both directions, then `about` edges back to the products.
 * @throws NotFoundError when no product has ever mentioned the concept
 */
export async function productsAbout(deps: CatalogDeps, iri: Iri): Promise<ConceptProducts> {
  const equivalence = await deps.graph.traverse(iri, { direction: 'both', types: ['sameAs'], depth: EQUIVALENCE_DEPTH, maxNodes: MAX_EQUIVALENTS });
  const [concept, ...equivalents] = equivalence.nodes;
  if (!concept || concept.kind !== 'Concept') throw new NotFoundError(`No data product speaks about ${iri}`);
  const abouts = await Promise.all(
    equivalence.nodes.map((c) => deps.graph.traverse(c.iri, { direction: 'in', types: ['about'], depth: 1, maxNodes: MAX_PRODUCTS + 1 })),
  );
  const products = new Set<Iri>();
  let truncated = equivalence.truncated;
  for (const about of abouts) {
    for (const n of about.nodes) if (n.kind === 'DataProduct' && !n.stub) products.add(n.iri);
    truncated ||= about.truncated;
  }
  const iris = [...products].sort();
  if (iris.length > MAX_PRODUCTS) truncated = true;
  const found = await Promise.all(iris.slice(0, MAX_PRODUCTS).map((p) => deps.graph.getProduct(p)));
  return { concept, equivalents, products: found.filter((p): p is Product => p !== undefined), truncated };
}
