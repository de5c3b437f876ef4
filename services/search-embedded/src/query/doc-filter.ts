import type { SearchFilters } from '@quanta/core';
import { FACETS, type FacetName } from '@quanta/model';
import type { FacetTable } from '../store/facet-table.js';

interface Clause {
  readonly facet: FacetName;
  /** Flag per facet value id: 1 when the value was asked for. */
  readonly allowed: Uint8Array;
}

/**
 * Facet filters compiled for one query: OR within a facet, AND across facets. The values asked
 * for become a flag array over value ids, so testing a document is a few array reads per facet.
 * A facet given an empty list is not filtered on (nothing chosen means no restriction).
 */
export class DocFilter {
  private readonly clauses: Clause[] = [];
  /** True when some filtered facet names only values no document ever had: nothing can match. */
  readonly matchesNothing: boolean;
  /**
   * True when every value asked for is known. Only then does the filter stay right as documents
   * with new values arrive (a new value was not asked for), so only then may its universe be
   * cached and kept current.
   */
  readonly cacheable: boolean;
  /** The same for every request with the same filters, whatever the order of values. */
  readonly key: string;

  constructor(
    private readonly facets: FacetTable,
    filters: SearchFilters,
  ) {
    this.key = JSON.stringify(FACETS.map((facet) => [...(filters[facet] ?? [])].sort()));
    let matchesNothing = false;
    let cacheable = true;
    for (const facet of FACETS) {
      const values = filters[facet] ?? [];
      if (values.length === 0) continue;
      const ids = values.map((value) => facets.dictionary.idOf(facet, value));
      const allowed = new Uint8Array(facets.dictionary.size);
      for (const id of ids) if (id >= 0) allowed[id] = 1;
      cacheable &&= ids.every((id) => id >= 0);
      matchesNothing ||= ids.every((id) => id < 0);
      this.clauses.push({ facet, allowed });
    }
    this.matchesNothing = matchesNothing;
    this.cacheable = cacheable;
  }

  /** True when the document passes every clause. */
  accepts(docId: number): boolean {
    for (const { facet, allowed } of this.clauses) if (!this.facets.anyIn(docId, facet, allowed)) return false;
    return true;
  }
}
