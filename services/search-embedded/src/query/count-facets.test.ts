import { testDocument } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchIndex } from '../embedded-search-index.js';

// Tag counts: a ×5, b ×3, c ×3, d ×1 — with ties at the cut, the cut must fall by value.
const TAGS = [['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'd'], ['a']];

describe('facet counts with a cap on values', () => {
  it.each([
    [1, [{ value: 'a', count: 5 }]],
    [2, [{ value: 'a', count: 5 }, { value: 'b', count: 3 }]],
    [3, [{ value: 'a', count: 5 }, { value: 'b', count: 3 }, { value: 'c', count: 3 }]],
    [10, [{ value: 'a', count: 5 }, { value: 'b', count: 3 }, { value: 'c', count: 3 }, { value: 'd', count: 1 }]],
  ])('keeps the top %i values, highest counts first, ties by value', async (max, expected) => {
    const index = createEmbeddedSearchIndex({ maxFacetValues: max });
    await index.upsert(TAGS.map((tags, i) => testDocument(`p${i}`, { tags })));
    expect((await index.search({ q: '', filters: {}, offset: 0, limit: 1 })).facets.tag).toEqual(expected);
    expect((await index.search({ q: 'p0', filters: {}, offset: 0, limit: 1 })).facets.tag).toEqual(
      [{ value: 'a', count: 1 }, { value: 'b', count: 1 }, { value: 'c', count: 1 }].slice(0, max),
    );
  });
});
