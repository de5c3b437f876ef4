import { ensureCapacity } from '../typed-arrays.js';
import type { DocumentTable } from './document-table.js';
import type { FacetTable } from './facet-table.js';

/** Decides whether a document passes a set of filters (liveness aside). */
export interface DocPredicate {
  accepts(docId: number): boolean;
}

/** Counts per facet value id (see `FacetDictionary`); may be longer than the dictionary. */
export type FacetTotals = Uint32Array;

/** The live documents a filter admits, learned lazily and kept current on every write. */
export interface Universe {
  /** True when the document is live and passes the filter; a byte read once it has been asked. */
  admits(docId: number): boolean;
  /**
   * Facet counts over every admitted document, or undefined while the filter has been used too
   * little to be worth a pass over all documents.
   */
  totals(): FacetTotals | undefined;
}

/** Uses of a filter before its universe's facet totals are computed. */
const TOTALS_MIN_USES = 2;
const UNKNOWN = 0;
const IN = 1;
const OUT = 2;

/**
 * The universes of the filters in use (the API's status filter, the facets users click), least
 * recently used evicted. Admission is memoised per document as queries ask, so a filter costs one
 * evaluation per document per universe instead of one per posting per query; and a query matching
 * most of its universe counts facets as "universe totals minus the documents left out" instead of
 * counting 90k documents. Creating a universe is one zeroed array; every write marks the document
 * unknown again (and updates the totals where they exist).
 */
export class UniverseCache {
  private readonly entries = new Map<string, CachedUniverse>();

  constructor(
    private readonly facets: FacetTable,
    private readonly documents: DocumentTable,
    private readonly capacity = 64,
  ) {}

  /** The universe of `predicate`, identified by `key`; counts as one use. */
  get(key: string, predicate: DocPredicate): Universe {
    const entry = this.entries.get(key) ?? new CachedUniverse(this.facets, this.documents, predicate);
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value ?? key);
    entry.uses++;
    return entry;
  }

  /** Accounts for a document that became live. */
  added(docId: number): void {
    for (const entry of this.entries.values()) entry.added(docId);
  }

  /** Accounts for a document about to stop being live (it must still be readable). */
  removed(docId: number): void {
    for (const entry of this.entries.values()) entry.removed(docId);
  }

  /** Forgets every universe: compaction renumbered the documents. */
  clear(): void {
    this.entries.clear();
  }
}

class CachedUniverse implements Universe {
  uses = 0;
  private memo: Uint8Array;
  private counts: Uint32Array | undefined;

  constructor(
    private readonly facets: FacetTable,
    private readonly documents: DocumentTable,
    private readonly predicate: DocPredicate,
  ) {
    this.memo = new Uint8Array(documents.nextId);
  }

  admits(docId: number): boolean {
    const known = this.memo[docId] ?? UNKNOWN;
    return (known === UNKNOWN ? this.learn(docId) : known) === IN;
  }

  totals(): FacetTotals | undefined {
    if (this.counts === undefined && this.uses >= TOTALS_MIN_USES) this.counts = this.countAll();
    return this.counts;
  }

  added(docId: number): void {
    this.memo = ensureCapacity(this.memo, docId + 1);
    this.memo[docId] = UNKNOWN;
    if (this.counts !== undefined && this.admits(docId)) this.adjust(docId, 1);
  }

  removed(docId: number): void {
    if (this.counts !== undefined && this.admits(docId)) this.adjust(docId, -1);
    this.memo[docId] = OUT;
  }

  private learn(docId: number): number {
    const known = this.documents.isLive(docId) && this.predicate.accepts(docId) ? IN : OUT;
    this.memo[docId] = known;
    return known;
  }

  private adjust(docId: number, delta: number): void {
    this.counts = ensureCapacity(this.counts ?? new Uint32Array(0), this.facets.dictionary.size);
    this.facets.addTo(docId, this.counts, delta);
  }

  private countAll(): Uint32Array {
    const docs = new Uint32Array(this.documents.nextId);
    let n = 0;
    for (let doc = 0; doc < this.documents.nextId; doc++) if (this.admits(doc)) docs[n++] = doc;
    return this.facets.count(docs, n);
  }
}
