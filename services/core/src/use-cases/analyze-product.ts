import { type Descriptor, type Iri, PolicyViolationError, type Product, type ProductSemantics, type RdfFormat } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import { claimedConcepts } from '../projections/product-graph.js';
import type { CatalogDeps } from './deps.js';

/**
 * Runs the semantic layer on a descriptor: JSON-LD and semantic model reading, the global SHACL
 * policies, concept extraction. A Violation stops here, before anything is stored.
 * @throws ValidationError when the descriptor or its model cannot be read as RDF
 * @throws PolicyViolationError when a policy of severity Violation fails
 */
export async function analyzeProduct(deps: CatalogDeps, descriptor: Descriptor): Promise<ProductSemantics> {
  const known = await knownConcepts(deps.graph, claimedConcepts(descriptor));
  const semantics = await deps.semantics.analyze(descriptor, known);
  if (semantics.findings.some((f) => f.severity === 'Violation')) throw new PolicyViolationError(semantics.findings);
  return semantics;
}

/** Which of `iris` the mesh knows: Concept nodes some registered semantic model defines (not stubs). */
export async function knownConcepts(graph: KnowledgeGraph, iris: readonly Iri[]): Promise<Set<Iri>> {
  const nodes = await Promise.all(iris.map((iri) => graph.getNode(iri)));
  return new Set(nodes.flatMap((n) => (n && n.kind === 'Concept' && !n.stub ? [n.iri] : [])));
}

/** A registered product as DCAT/DPROD RDF, with the concepts the mesh knows now. */
export async function exportProduct(deps: CatalogDeps, product: Product, format: RdfFormat): Promise<string> {
  const known = await knownConcepts(deps.graph, claimedConcepts(product.descriptor));
  return deps.semantics.exportProduct(product, format, known);
}
