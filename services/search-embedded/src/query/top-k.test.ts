import { describe, expect, it } from 'vitest';
import { createRandom } from '../bench/random.js';
import { type RankKeys, selectTop } from './top-k.js';

function randomKeys(n: number, seed: number): RankKeys {
  const random = createRandom(seed);
  // Few distinct values, so ties on the primary and secondary keys are common.
  const primary = Float64Array.from({ length: n }, () => -random.int(4));
  const secondary = Float64Array.from({ length: n }, () => random.int(5));
  return { primary, secondary, tieBreak: (a, b) => a - b };
}

const fullSort = (docs: number[], keys: RankKeys): number[] =>
  [...docs].sort((a, b) => (keys.primary[a] ?? 0) - (keys.primary[b] ?? 0) || (keys.secondary[a] ?? 0) - (keys.secondary[b] ?? 0) || keys.tieBreak(a, b));

describe('selectTop', () => {
  it('returns the same first k as a full sort, whatever k', () => {
    const keys = randomKeys(500, 11);
    const docs = Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
    for (const k of [1, 2, 17, 200, 499, 500, 800]) {
      expect(selectTop(Uint32Array.from(docs), docs.length, k, keys)).toEqual(fullSort(docs, keys).slice(0, k));
    }
  });

  it('reads only the first n ids and returns nothing for k = 0', () => {
    const keys = randomKeys(10, 5);
    const docs = Uint32Array.from([3, 1, 2, 9, 9, 9]);
    expect(selectTop(docs, 3, 10, keys)).toEqual(fullSort([3, 1, 2], keys));
    expect(selectTop(docs, 3, 0, keys)).toEqual([]);
  });
});
