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
    const ids = dictionary.idsOf(facet);
    const threshold = keepThreshold(ids, countOf, maxValues);
    const values: FacetCount[] = [];
    for (const id of ids) {
      const count = countOf(id);
      if (count >= threshold) values.push({ value: dictionary.valueOf(id), count });
    }
    result[facet] = values.sort(byCountThenValue).slice(0, maxValues);
  }
  return result;
}

/**
 * The smallest count that can still make the top `maxValues` (at least 1). A facet such as `tag`
 * can have thousands of values: a min-heap of the best `maxValues` counts finds the cut in one
 * pass without allocating per value, so only the values that can be shown become objects.
 */
function keepThreshold(ids: readonly number[], countOf: (id: number) => number, maxValues: number): number {
  if (ids.length <= maxValues || maxValues <= 0) return 1;
  const heap = new Float64Array(maxValues);
  let size = 0;
  for (const id of ids) {
    const count = countOf(id);
    if (count <= 0) continue;
    if (size < maxValues) siftUp(heap, size++, count);
    else if (count > (heap[0] ?? 0)) siftDown(heap, size, count);
  }
  return size < maxValues ? 1 : Math.max(1, heap[0] ?? 1);
}

/** Inserts `value` at `at` and moves it up a min-heap. */
function siftUp(heap: Float64Array, at: number, value: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if ((heap[parent] ?? 0) <= value) break;
    heap[at] = heap[parent] ?? 0;
    at = parent;
  }
  heap[at] = value;
}

/** Replaces the root of a full min-heap of `size` with `value` and restores the heap. */
function siftDown(heap: Float64Array, size: number, value: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
    if ((heap[child] ?? 0) >= value) break;
    heap[at] = heap[child] ?? 0;
    at = child;
  }
  heap[at] = value;
}

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
