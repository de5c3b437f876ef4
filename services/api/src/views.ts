import type { Product, ProductRevision } from '@quanta/model';

/** The JSON view of a stored product or revision: metadata around the descriptor as registered. */
export function productView(p: Product | ProductRevision) {
  return {
    iri: p.iri,
    revision: p.revision,
    hash: p.hash,
    ...('createdAt' in p ? { createdAt: p.createdAt } : {}),
    recordedAt: p.recordedAt,
    recordedBy: p.recordedBy,
    descriptor: p.descriptor,
    // What the semantic layer found: policy Warnings to act on, and the concepts it linked.
    findings: p.semantics?.findings ?? [],
    concepts: p.semantics?.concepts ?? [],
  };
}

/** The path of a product resource: its IRI percent-encoded as one segment. */
export const productPath = (iri: string): string => `/api/v1/products/${encodeURIComponent(iri)}`;
