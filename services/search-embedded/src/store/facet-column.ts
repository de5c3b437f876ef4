import type { ValueDictionary } from './value-dictionary.js';

/**
 * The values of one facet for every document id, laid out so that counting a facet over 100k
 * matches and testing a filter are tight loops over typed arrays.
 */
export interface FacetColumn {
  readonly dictionary: ValueDictionary;
  /** Stores the values of document `docId` (ids are assigned in increasing order). */
  set(docId: number, values: readonly string[]): void;
  /** Adds one per value of each of the first `n` documents of `docs` to `counts` (indexed by value id). */
  countInto(docs: Uint32Array, n: number, counts: Uint32Array): void;
  /** Adds `delta` to `counts` at each of the document's value ids. */
  addTo(docId: number, counts: Uint32Array, delta: number): void;
  /** True when the document carries a value whose id is flagged in `allowed`. */
  anyIn(docId: number, allowed: Uint8Array): boolean;
  /** Moves every kept document to its new id (`remap[old]`, -1 dropped, order preserved). */
  compact(remap: Int32Array): void;
}
