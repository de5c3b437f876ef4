import type { FacetCount, FacetName } from '@quanta/model';
import { FACETS } from '@quanta/model';
import type { FacetTable } from '../store/facet-table.js';

/** Facet counts of a result: every facet, its values with a count above 0. */
export type FacetCounts = Record<FacetName, FacetCount[]>;

/**
 * Counts every facet's values over the first `n` documents of `docs` (the whole matched set, not
 * just the page), keeping per facet the `maxValues` values with the highest counts, ordered by
 * count descending then value ascending.
 */
export function countFacets(facets: FacetTable, docs: Uint32Array, n: number, maxValues: number): FacetCounts {
  const result = {} as FacetCounts;
  for (const facet of FACETS) {
    const column = facets.columns[facet];
    const counts = new Uint32Array(column.dictionary.size);
    column.countInto(docs, n, counts);
    const values: FacetCount[] = [];
    counts.forEach((count, id) => {
      if (count > 0) values.push({ value: column.dictionary.valueOf(id), count });
    });
    result[facet] = values.sort(byCountThenValue).slice(0, maxValues);
  }
  return result;
}

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
