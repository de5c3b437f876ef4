import type { SearchDocument } from '@quanta/core';
import { FACETS, type FacetName } from '@quanta/model';
import { FacetDictionary } from './facet-dictionary.js';
import { FacetRows } from './facet-rows.js';

/** Where each facet's values come from in a search document. */
const FACET_VALUES: Readonly<Record<FacetName, (document: SearchDocument) => readonly string[]>> = {
  domain: (d) => [d.domain],
  owner: (d) => [d.owner],
  status: (d) => [d.status],
  tag: (d) => d.tags,
  portKind: (d) => d.portKinds,
};

/** The facet values of every document: a dictionary of values and a row of value ids per document. */
export class FacetTable {
  /** Every (facet, value) pair and its id. */
  readonly dictionary = new FacetDictionary();
  private readonly rows = new FacetRows();

  /** Records the facet values of `document` under `docId`. */
  set(docId: number, document: SearchDocument): void {
    const ids = {} as Record<FacetName, number[]>;
    for (const facet of FACETS) {
      ids[facet] = [...new Set(FACET_VALUES[facet](document))].map((value) => this.dictionary.intern(facet, value));
    }
    this.rows.set(docId, ids);
  }

  /** Counts of every value id over the first `n` documents of `docs`. */
  count(docs: Uint32Array, n: number): Uint32Array {
    const counts = new Uint32Array(this.dictionary.size);
    this.rows.countInto(docs, n, counts);
    return counts;
  }

  /** Adds `delta` to `counts` (at least {@link FacetDictionary.size} long) at each of the document's value ids. */
  addTo(docId: number, counts: Uint32Array, delta: number): void {
    this.rows.addTo(docId, counts, delta);
  }

  /** True when the document carries, in `facet`, a value whose id is flagged in `allowed`. */
  anyIn(docId: number, facet: FacetName, allowed: Uint8Array): boolean {
    return this.rows.anyIn(docId, facet, allowed);
  }

  /** Moves every kept document to its new id (`remap[old]`, -1 dropped, order preserved). */
  compact(remap: Int32Array): void {
    this.rows.compact(remap);
  }
}
