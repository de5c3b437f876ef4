import type { FacetCount, FacetName } from '@quanta/model';
import { FACETS } from '@quanta/model';
import type { FacetDictionary } from '../store/facet-dictionary.js';
import type { FacetTable } from '../store/facet-table.js';
import type { FacetTotals } from '../store/universe-cache.js';

/** Facet counts of a result: every facet, its values with a count above 0. */
export type FacetCounts = Record<FacetName, FacetCount[]>;

/** A list of document ids: the first `n` of `docs`. */
export interface DocList {
  readonly docs: Uint32Array;
  readonly n: number;
}

/** Counts every facet's values over the documents of `list` (the whole matched set, not the page). */
export function countFacets(facets: FacetTable, list: DocList, maxValues: number): FacetCounts {
  const counts = facets.count(list.docs, list.n);
  return toFacetCounts(facets.dictionary, (id) => counts[id] ?? 0, maxValues);
}

/**
 * Counts every facet's values over a universe minus some of its documents: the universe's kept
 * totals less the counts of `excluded`. Cheaper than {@link countFacets} when a query matches
 * most of the documents its filters allow.
 */
export function countFacetsExcept(facets: FacetTable, totals: FacetTotals, excluded: DocList, maxValues: number): FacetCounts {
  const counts = facets.count(excluded.docs, excluded.n);
  return toFacetCounts(facets.dictionary, (id) => (totals[id] ?? 0) - (counts[id] ?? 0), maxValues);
}

/** Per facet, the values with a count above 0, highest counts first then by value, at most `maxValues`. */
function toFacetCounts(dictionary: FacetDictionary, countOf: (id: number) => number, maxValues: number): FacetCounts {
  const result = {} as FacetCounts;
  for (const facet of FACETS) {
    const values: FacetCount[] = [];
    for (const id of dictionary.idsOf(facet)) {
      const count = countOf(id);
      if (count > 0) values.push({ value: dictionary.valueOf(id), count });
    }
    result[facet] = values.sort(byCountThenValue).slice(0, maxValues);
  }
  return result;
}

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
