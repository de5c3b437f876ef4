import { createHash } from 'node:crypto';
import { nameKey, type SearchDocument } from '@quanta/core';
import type { Iri } from '@quanta/model';

/** A document as Meilisearch holds it: the search document, its primary key, and its exact-match keys. */
export interface StoredDocument extends SearchDocument {
  /** SHA-256 of the IRI: Meilisearch ids allow only `[A-Za-z0-9_-]`, at most 511 bytes, and IRIs are neither. */
  readonly id: string;
  /** The name, the title (as {@link nameKey} reads them) and the IRI: a query equal to one ranks the product first. */
  readonly exact: readonly string[];
}

/** The primary key of the document for `iri`. */
export const idOf = (iri: Iri): string => createHash('sha256').update(iri).digest('hex');


export function toStored(document: SearchDocument): StoredDocument {
  return { ...document, id: idOf(document.iri), exact: [...new Set([nameKey(document.name), nameKey(document.title), document.iri])] };
}

/** The search document back from what Meilisearch returns (its own fields and ours left out). */
export function fromStored(stored: Record<string, unknown>): SearchDocument {
  const { id: _id, exact: _exact, _rankingScore: _score, ...document } = stored;
  return document as unknown as SearchDocument;
}
