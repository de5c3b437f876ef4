/**
 * A small seeded random source for the ranking simulation. The simulation is compared across
 * policies and seeds, so every run must be reproducible from its seed alone, and Math.random
 * cannot be seeded. sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) passes PractRand
 * and needs no dependency; splitmix32 spreads small consecutive seeds (0, 1, 2, …) over its state.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box–Muller makes normals in pairs: the second one waits here. */
  private spare: number | undefined;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // The recommended warm-up, so the first outputs do not echo the seeding.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A normal draw (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    let z = this.spare;
    if (z === undefined) {
      const u = 1 - this.next(); // in (0, 1], so the log is finite
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * this.next();
      this.spare = r * Math.sin(theta);
      z = r * Math.cos(theta);
    } else {
      this.spare = undefined;
    }
    return mean + sd * z;
  }

  /** A log-normal draw: `exp(N(mu, sigma))`, as numpy's `lognormal(mu, sigma)`. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** One element, uniformly. */
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(xs.length)] as T;
  }

  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0);
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** `k` distinct integers of [0, n), in draw order (a partial Fisher–Yates shuffle). */
  sample(n: number, k: number): number[] {
    const xs = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      [xs[i], xs[j]] = [xs[j] as number, xs[i] as number];
    }
    return xs.slice(0, k);
  }
}
