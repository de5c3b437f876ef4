import type { DocumentTable } from '../store/document-table.js';
import type { DocOrder } from './top-k.js';

/**
 * Order of hits of equal relevance: by name, then IRI, so they always come back in the same
 * order. Names are compared through their numeric sort keys first; the strings are only read when
 * two keys are equal.
 */
export function nameOrder(documents: DocumentTable): DocOrder {
  return (a, b) =>
    documents.nameKeyOf(a) - documents.nameKeyOf(b) ||
    compareStrings(documents.documentOf(a)?.name ?? '', documents.documentOf(b)?.name ?? '') ||
    compareStrings(documents.documentOf(a)?.iri ?? '', documents.documentOf(b)?.iri ?? '');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
