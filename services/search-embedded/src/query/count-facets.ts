import type { FacetCount, FacetName } from '@quanta/model';
import { FACETS } from '@quanta/model';
import type { FacetTable } from '../store/facet-table.js';
import type { Totals } from '../store/facet-totals.js';
import type { ValueDictionary } from '../store/value-dictionary.js';

/** Facet counts of a result: every facet, its values with a count above 0. */
export type FacetCounts = Record<FacetName, FacetCount[]>;

/** A list of document ids: the first `n` of `docs`. */
export interface DocList {
  readonly docs: Uint32Array;
  readonly n: number;
}

/** Counts every facet's values over the documents of `list` (the whole matched set, not the page). */
export function countFacets(facets: FacetTable, list: DocList, maxValues: number): FacetCounts {
  return mapFacets(facets, (facet, dictionary) => {
    const counts = new Uint32Array(dictionary.size);
    facets.columns[facet].countInto(list.docs, list.n, counts);
    return toFacetCounts(dictionary, counts, maxValues);
  });
}

/**
 * Counts every facet's values over a universe minus some of its documents: the universe's kept
 * totals less the counts of `excluded`. Cheaper than {@link countFacets} when a query matches
 * most of the documents its filters allow.
 */
export function countFacetsExcept(facets: FacetTable, totals: Totals, excluded: DocList, maxValues: number): FacetCounts {
  return mapFacets(facets, (facet, dictionary) => {
    const counts = new Uint32Array(dictionary.size);
    facets.columns[facet].countInto(excluded.docs, excluded.n, counts);
    const total = totals.counts[facet];
    for (let id = 0; id < counts.length; id++) counts[id] = (total[id] ?? 0) - (counts[id] ?? 0);
    return toFacetCounts(dictionary, counts, maxValues);
  });
}

function mapFacets(facets: FacetTable, count: (facet: FacetName, dictionary: ValueDictionary) => FacetCount[]): FacetCounts {
  const result = {} as FacetCounts;
  for (const facet of FACETS) result[facet] = count(facet, facets.columns[facet].dictionary);
  return result;
}

/** The values with a count above 0, highest counts first then by value, at most `maxValues`. */
function toFacetCounts(dictionary: ValueDictionary, counts: Uint32Array, maxValues: number): FacetCount[] {
  const values: FacetCount[] = [];
  counts.forEach((count, id) => {
    if (count > 0) values.push({ value: dictionary.valueOf(id), count });
  });
  return values.sort(byCountThenValue).slice(0, maxValues);
}

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
