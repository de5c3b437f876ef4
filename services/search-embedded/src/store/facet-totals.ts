import type { FacetName } from '@quanta/model';
import { FACETS } from '@quanta/model';
import { ensureCapacity } from '../typed-arrays.js';
import type { DocumentTable } from './document-table.js';
import type { FacetTable } from './facet-table.js';

/** Decides whether a document belongs to a set (a compiled filter). */
export interface DocPredicate {
  accepts(docId: number): boolean;
}

/** Facet counts over every live document a predicate accepts. */
export interface Totals {
  /** Counts per facet, indexed by value id (may be longer than the dictionary). */
  readonly counts: Readonly<Record<FacetName, Uint32Array>>;
}

interface Entry extends Totals {
  readonly predicate: DocPredicate;
  counts: Record<FacetName, Uint32Array>;
}

/**
 * Facet counts over whole filtered universes, for the few filters in use, kept current on every
 * write. A query matching most of its universe then counts facets as "universe minus the few
 * documents that did not match", instead of counting 90k documents per query. Entries are
 * computed on first use (one pass over the documents) and evicted least recently used; each
 * write costs one predicate test and a few increments per entry.
 */
export class FacetTotals {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly facets: FacetTable,
    private readonly documents: DocumentTable,
    private readonly capacity = 16,
  ) {}

  /** Totals for the universe `predicate` selects, identified by `key`. */
  get(key: string, predicate: DocPredicate): Totals {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const entry = { predicate, counts: this.countUniverse(predicate) };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value ?? key);
    return entry;
  }

  /** Accounts for a document that became live. */
  added(docId: number): void {
    this.apply(docId, 1);
  }

  /** Accounts for a document that is no longer live (its facet values must still be readable). */
  removed(docId: number): void {
    this.apply(docId, -1);
  }

  private apply(docId: number, delta: number): void {
    for (const entry of this.entries.values()) {
      if (!entry.predicate.accepts(docId)) continue;
      for (const facet of FACETS) {
        const column = this.facets.columns[facet];
        entry.counts[facet] = ensureCapacity(entry.counts[facet], column.dictionary.size);
        column.addTo(docId, entry.counts[facet], delta);
      }
    }
  }

  private countUniverse(predicate: DocPredicate): Record<FacetName, Uint32Array> {
    const docs = new Uint32Array(this.documents.liveCount);
    let n = 0;
    for (let doc = 0; doc < this.documents.nextId; doc++) {
      if (this.documents.isLive(doc) && predicate.accepts(doc)) docs[n++] = doc;
    }
    const counts = {} as Record<FacetName, Uint32Array>;
    for (const facet of FACETS) {
      const column = this.facets.columns[facet];
      counts[facet] = new Uint32Array(column.dictionary.size);
      column.countInto(docs, n, counts[facet]);
    }
    return counts;
  }
}
