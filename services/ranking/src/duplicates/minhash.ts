// There is no maintained MinHash-LSH package on npm (datasketch is Python), hence our own.

/** The Mersenne prime 2^31 − 1 the hash functions work modulo. */
const P = 2_147_483_647;
const TWO_31 = 2_147_483_648;
/**
 * The multipliers are drawn below 2^21, so a·x + b < 2^52 + 2^31 stays an exact integer in a
 * double: one multiply and one Mersenne fold per value, no BigInt. Every non-zero a still spreads x
 * uniformly over [0, P).
 */
const A_LIMIT = 2_097_152;

/** 32-bit FNV-1a of a string's UTF-16 code units: the one hash every element goes through first. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * murmur3's 32-bit finaliser. The FNV-1a hashes of names that differ only in their last character
 * differ in a structured way, which linear hash functions would keep; mixing first makes the
 * inputs look random, as min-wise hashing assumes.
 */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small seeded generator of uint32 values (mulberry32): the same seed, the same sequence. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * MinHash: `numPerm` hash functions `h_i(x) = (a_i·x + b_i) mod (2^31 − 1)` over the FNV-1a hash of
 * each element (mixed by murmur3's finaliser); a set's signature keeps, per function, the smallest value over its elements. The
 * share of positions where two signatures agree estimates the Jaccard similarity of the sets.
 */
export class MinHash {
  private readonly a: Float64Array;
  private readonly b: Float64Array;

  constructor(
    readonly numPerm = 128,
    seed = 1,
  ) {
    const next = mulberry32(seed);
    this.a = new Float64Array(numPerm);
    this.b = new Float64Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      this.a[i] = 1 + (next() % (A_LIMIT - 1));
      this.b[i] = next() % P;
    }
  }

  /** The signature of a set of strings; an empty set's is all 0xffffffff. */
  signature(elements: Iterable<string>): Uint32Array {
    const sig = new Uint32Array(this.numPerm).fill(0xffffffff);
    const { a, b } = this;
    for (const e of elements) {
      const x = fmix32(fnv1a(e)) % P;
      for (let i = 0; i < this.numPerm; i++) {
        const v = (a[i] as number) * x + (b[i] as number);
        // v mod (2^31 − 1): fold the bits above 2^31 back in, since 2^31 ≡ 1.
        const hi = Math.floor(v / TWO_31);
        let r = v - hi * TWO_31 + hi;
        if (r >= P) r -= P;
        if (r < (sig[i] as number)) sig[i] = r;
      }
    }
    return sig;
  }
}

/** The Jaccard similarity two signatures estimate: the share of positions where they agree. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) same++;
  return same / n;
}
