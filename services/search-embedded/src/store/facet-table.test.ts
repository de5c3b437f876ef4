import { testDocument } from '@quanta/core/testing';
import type { FacetName } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { FacetTable } from './facet-table.js';

const TAGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

function table(): FacetTable {
  const facets = new FacetTable();
  facets.set(0, testDocument('zero', { tags: TAGS, portKinds: ['table', 'api', 'stream'], domain: 'x' }));
  facets.set(1, testDocument('one', { tags: ['a'], portKinds: ['table'], domain: 'y' }));
  facets.set(2, testDocument('two', { tags: ['g', 'g'], portKinds: ['file'], domain: 'x' }));
  return facets;
}

const countOf = (facets: FacetTable, counts: Uint32Array, facet: FacetName, value: string): number =>
  counts[facets.dictionary.idOf(facet, value)] ?? 0;

describe('FacetTable', () => {
  it('counts values beyond the inline slots, once per document', () => {
    const facets = table();
    const counts = facets.count(Uint32Array.from([0, 1, 2]), 3);
    expect(TAGS.map((t) => countOf(facets, counts, 'tag', t))).toEqual([2, 1, 1, 1, 1, 1, 2]);
    expect(countOf(facets, counts, 'portKind', 'stream')).toBe(1);
    expect(countOf(facets, counts, 'domain', 'x')).toBe(2);
  });

  it('tests filters against inline and overflow values', () => {
    const facets = table();
    const allowed = new Uint8Array(facets.dictionary.size);
    allowed[facets.dictionary.idOf('tag', 'g')] = 1;
    expect([0, 1, 2].map((doc) => facets.anyIn(doc, 'tag', allowed))).toEqual([true, false, true]);
    expect(facets.anyIn(0, 'domain', allowed)).toBe(false);
  });

  it('adds and subtracts one document, overflow included', () => {
    const facets = table();
    const counts = new Uint32Array(facets.dictionary.size);
    facets.addTo(0, counts, 1);
    facets.addTo(2, counts, 1);
    facets.addTo(0, counts, -1);
    expect(countOf(facets, counts, 'tag', 'g')).toBe(1);
    expect(countOf(facets, counts, 'tag', 'a')).toBe(0);
  });

  it('keeps values with their documents through compaction', () => {
    const facets = table();
    facets.compact(Int32Array.from([-1, 0, 1]));
    const counts = facets.count(Uint32Array.from([0, 1]), 2);
    expect(countOf(facets, counts, 'tag', 'g')).toBe(1);
    expect(countOf(facets, counts, 'tag', 'b')).toBe(0);
    expect(countOf(facets, counts, 'domain', 'y')).toBe(1);
  });
});
