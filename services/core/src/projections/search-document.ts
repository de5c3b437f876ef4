import { type Product, summarize } from '@quanta/model';
import type { SearchDocument } from '../ports/search-index.js';
import { claimedConcepts, conceptLabel } from './product-graph.js';

/** Projects a product's current revision into the document the search index holds. */
export function toSearchDocument(product: Product): SearchDocument {
  const ports = product.descriptor.outputPorts ?? [];
  const fields = ports.flatMap((p) => p.fields ?? []);
  // The semantic layer's labels (skos:prefLabel, rdfs:label) when it ran; the IRI's last segment otherwise.
  const labels = product.semantics?.concepts.map((c) => c.label) ?? claimedConcepts(product.descriptor).map(conceptLabel);
  return {
    ...summarize(product),
    fieldNames: [...new Set(fields.map((f) => f.name))],
    concepts: [...new Set(labels)],
  };
}
