import type { DocumentTable } from '../store/document-table.js';
import type { DocOrder } from './top-k.js';

/**
 * Order of hits of equal relevance and equal name head key (see `nameSortKey`): by the rest of the
 * name, then IRI, so equal relevance always comes back in the same order. The tail key settles
 * most ties; the strings are only read when it ties too.
 */
export function nameOrder(documents: DocumentTable): DocOrder {
  return (a, b) =>
    documents.nameTailKeyOf(a) - documents.nameTailKeyOf(b) ||
    compareStrings(documents.documentOf(a)?.name ?? '', documents.documentOf(b)?.name ?? '') ||
    compareStrings(documents.documentOf(a)?.iri ?? '', documents.documentOf(b)?.iri ?? '');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
