import type { SearchFilters } from '@quanta/core';
import { FACETS } from '@quanta/model';
import type { FacetColumn } from '../store/facet-column.js';
import type { FacetTable } from '../store/facet-table.js';

interface Clause {
  readonly column: FacetColumn;
  /** Flag per value id: 1 when the value was asked for. */
  readonly allowed: Uint8Array;
}

/**
 * Facet filters compiled for one query: OR within a facet, AND across facets. Each facet's values
 * become a flag array over value ids, so testing a document is one array read per facet.
 * A facet given an empty list is not filtered on (nothing chosen means no restriction).
 */
export class DocFilter {
  private readonly clauses: Clause[];
  /** True when some filtered facet names only values no document ever had: nothing can match. */
  readonly matchesNothing: boolean;
  /**
   * True when every value asked for is known. Only then does the filter stay right as documents
   * with new values arrive (a new value was not asked for), so only then may its universe's
   * facet totals be kept and updated.
   */
  readonly cacheable: boolean;
  /** The same for every request with the same filters, whatever the order of values. */
  readonly key: string;

  constructor(facets: FacetTable, filters: SearchFilters) {
    this.clauses = [];
    this.key = JSON.stringify(FACETS.map((facet) => [...(filters[facet] ?? [])].sort()));
    let matchesNothing = false;
    let cacheable = true;
    for (const facet of FACETS) {
      const values = filters[facet] ?? [];
      if (values.length === 0) continue;
      const column = facets.columns[facet];
      const allowed = new Uint8Array(column.dictionary.size);
      for (const value of values) {
        const id = column.dictionary.idOf(value);
        if (id >= 0) allowed[id] = 1;
        else cacheable = false;
      }
      matchesNothing ||= !allowed.includes(1);
      this.clauses.push({ column, allowed });
    }
    this.matchesNothing = matchesNothing;
    this.cacheable = cacheable;
  }

  /** True when no facet is filtered on. */
  get acceptsAll(): boolean {
    return this.clauses.length === 0;
  }

  /** True when the document passes every clause. */
  accepts(docId: number): boolean {
    for (const clause of this.clauses) if (!clause.column.anyIn(docId, clause.allowed)) return false;
    return true;
  }
}
