import { describe, expect, it } from 'vitest';
import { LshIndex } from './lsh.js';
import { estimateJaccard, fnv1a, MinHash } from './minhash.js';

/** Two sets of `size` elements with `shared` in common: Jaccard shared / (2·size − shared). */
function setPair(size: number, shared: number, tag: string): [string[], string[]] {
  const common = Array.from({ length: shared }, (_, i) => `${tag}c${i}`);
  const own = (side: string) => Array.from({ length: size - shared }, (_, i) => `${tag}${side}${i}`);
  return [
    [...common, ...own('a')],
    [...common, ...own('b')],
  ];
}

describe('fnv1a', () => {
  it('is the 32-bit FNV-1a of the published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('MinHash', () => {
  const mh = new MinHash(128, 42);

  it('is deterministic for a seed, order-insensitive, and differs across seeds', () => {
    const s = mh.signature(['a', 'b', 'c']);
    expect(s).toHaveLength(128);
    expect([...new MinHash(128, 42).signature(['c', 'a', 'b', 'a'])]).toEqual([...s]);
    expect([...new MinHash(128, 43).signature(['a', 'b', 'c'])]).not.toEqual([...s]);
    expect(estimateJaccard(s, s)).toBe(1);
  });

  it('keeps every value below the Mersenne prime 2^31 − 1, and an empty set at the top', () => {
    const s = mh.signature(Array.from({ length: 500 }, (_, i) => `x${i}`));
    expect(Math.max(...s)).toBeLessThan(2 ** 31 - 1);
    expect(new Set(mh.signature([]))).toEqual(new Set([0xffffffff]));
  });

  it.each([
    [40, 6, 0.081], // 6 / 74
    [40, 20, 0.333], // 20 / 60
    [40, 27, 0.509], // 27 / 53
    [40, 36, 0.818], // 36 / 44
  ])('estimates a Jaccard of %i-element sets sharing %i (%f) within 0.12', (size, shared, jaccard) => {
    const [a, b] = setPair(size, shared, `j${shared}`);
    expect(shared / (2 * size - shared)).toBeCloseTo(jaccard, 3);
    expect(Math.abs(estimateJaccard(mh.signature(a), mh.signature(b)) - jaccard)).toBeLessThan(0.12);
  });
});

describe('LshIndex', () => {
  const mh = new MinHash(128, 7);

  /** `n` pairs of 40-element sets sharing `shared` fresh elements; each pair's second set indexed. */
  function indexedPairs(n: number, shared: number, tag: string): { lsh: LshIndex; queries: Uint32Array[] } {
    const lsh = new LshIndex(32, 4);
    const queries = Array.from({ length: n }, (_, k) => {
      const [a, b] = setPair(40, shared, `${tag}${k}-`);
      lsh.insert(k, mh.signature(b));
      return mh.signature(a);
    });
    return { lsh, queries };
  }

  it('finds a set 0.8 similar to the query (misses about 1 in 10^8)', () => {
    const { lsh, queries } = indexedPairs(50, 36, 'near');
    queries.forEach((q, k) => expect(lsh.candidates(q).has(k)).toBe(true));
  });

  it('rarely returns a set only 0.1 similar (about 0.3% of them at 32 × 4)', () => {
    const { lsh, queries } = indexedPairs(500, 7, 'far'); // Jaccard 7/73 ≈ 0.096
    expect(lsh.size).toBe(500);
    const found = queries.filter((q, k) => lsh.candidates(q).has(k)).length;
    expect(found).toBeLessThanOrEqual(6);
  });

  it('forgets a removed set, re-indexes a replaced one, and skips buckets above the cap', () => {
    const lsh = new LshIndex(32, 4);
    const sig = mh.signature(['x', 'y', 'z']);
    for (const id of [1, 2, 3]) lsh.insert(id, sig);
    expect(lsh.candidates(sig)).toEqual(new Set([1, 2, 3]));
    expect(lsh.candidates(sig, 2).size).toBe(0);
    const met = (id: number) => {
      const out: number[] = [];
      lsh.sharing(id, Infinity, (other) => out.push(other));
      return out;
    };
    expect(met(1).length).toBe(3 * 32);
    expect(new Set(met(1))).toEqual(new Set([1, 2, 3]));
    lsh.remove(2);
    expect(lsh.candidates(sig)).toEqual(new Set([1, 3]));
    lsh.insert(3, mh.signature(['p', 'q', 'r']));
    expect(lsh.candidates(sig)).toEqual(new Set([1]));
    expect(met(1)).toEqual([]);
    expect(lsh.size).toBe(2);
    lsh.remove(1);
    lsh.remove(1);
    expect(lsh.size).toBe(1);
    expect(lsh.candidates(sig)).toEqual(new Set());
  });

  it('answers as a brute-force scan does through thousands of random inserts, re-inserts and removals', () => {
    // Few distinct values per row, so buckets are shared, tables grow and removals shift entries back.
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const bands = 8;
    const rows = 2;
    const randomSig = () => Uint32Array.from({ length: bands * rows }, () => Math.floor(random() * 3));
    const lsh = new LshIndex(bands, rows);
    const live = new Map<number, Uint32Array>();
    const shares = (x: Uint32Array, y: Uint32Array) =>
      Array.from({ length: bands }, (_, b) => b).some((b) => x.subarray(b * rows, (b + 1) * rows).every((v, r) => v === y[b * rows + r]));
    for (let step = 0; step < 3000; step++) {
      const id = Math.floor(random() * 400);
      if (random() < 0.3) {
        lsh.remove(id);
        live.delete(id);
      } else {
        const sig = randomSig();
        lsh.insert(id, sig);
        live.set(id, sig);
      }
      if (step % 100 !== 99) continue;
      expect(lsh.size).toBe(live.size);
      const query = randomSig();
      expect([...lsh.candidates(query)].sort((a, b) => a - b)).toEqual([...live].filter(([, sig]) => shares(sig, query)).map(([i]) => i).sort((a, b) => a - b));
      for (const [i, sig] of [...live].slice(0, 20)) {
        const met = new Set<number>();
        lsh.sharing(i, Infinity, (other) => met.add(other));
        const expected = [...live].filter(([j, other]) => j !== i && shares(sig, other)).map(([j]) => j);
        expect([...met].filter((j) => j !== i).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }
    }
  });

  it('refuses a signature too short for its bands', () => {
    expect(() => new LshIndex(32, 4).insert(0, new Uint32Array(64))).toThrow(RangeError);
    expect(() => new LshIndex(32, 4).insert(-1, new Uint32Array(128))).toThrow(RangeError);
  });
});
