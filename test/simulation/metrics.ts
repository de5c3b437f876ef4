/**
 * The metrics of research/ranking.md §C.2 and the statistics to summarise them over seeds.
 */

/** The Gini coefficient of non-negative amounts (0: equal, →1: one holder has everything). */
export function gini(xs: readonly number[]): number {
  const n = xs.length;
  const sorted = [...xs].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (i + 1) * x));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The arithmetic mean (0 for nothing, as ranking_sim.py treats empty rounds). */
export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** The population standard deviation (numpy's default), which ranking_sim.py reports. */
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

/** The median; the mean of the two middle values for an even count (as numpy). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The mean of the last `k` values: end-of-run metrics average the final 4 weeks. */
export const tail = (xs: readonly number[], k = 4): number => mean(xs.slice(-k));

/** The outcome of one run (one policy, one seed), in ranking_sim.py's terms. */
export interface RunResult {
  /** Among consumers of needs with ≥ 2 live products, the share using the group's best (last 4 weeks). */
  readonly bestShare: number;
  /** The same at week 12, before the better newcomers arrive. */
  readonly bestShareWeek12: number;
  /** Gini of users over live products (last 4 weeks). */
  readonly gini: number;
  /** Gini(top product per need) / Gini(demand per need): ≈ 1 when concentration is consolidation. */
  readonly giniAmplification: number;
  /** Share of consumers on god products (last 4 weeks). */
  readonly broadShare: number;
  /** Live non-best products after week 0 and after the last week. */
  readonly nonBestStart: number;
  readonly nonBestFinal: number;
  /** Share of searches where a god product ranks above one of the top-3 relevant products. */
  readonly intrusion: number;
  /** Mean utility lost against the best live product of one's need (last 4 weeks). */
  readonly regret: number;
  /** Share of searches with a spam product at #1 while a better one exists. */
  readonly spamTop1: number;
  /** Share of searches showing a worse random newcomer (first 8 weeks) in the top 3, of searches where one exists. */
  readonly worseNewcomerTop3: number;
  /** Weeks for a better newcomer to hold #1 on earned factors for 4 weeks (median over the injected, censored). */
  readonly timeToTop: number;
  /** Share of better newcomers that did so. */
  readonly reachedTop: number;
  /** Weeks until a majority of its need's consumers use it (median, censored), and the share that got there. */
  readonly timeToMajority: number;
  readonly reachedMajority: number;
}

/** The metrics as printed and checked, in order. */
export const METRICS: readonly (keyof RunResult)[] = [
  'bestShare',
  'bestShareWeek12',
  'nonBestStart',
  'nonBestFinal',
  'gini',
  'giniAmplification',
  'broadShare',
  'intrusion',
  'regret',
  'spamTop1',
  'worseNewcomerTop3',
  'timeToTop',
  'reachedTop',
  'timeToMajority',
  'reachedMajority',
];

/** A metric over seeds. */
export interface Stat {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Every metric of a policy over its seeds. */
export type Summary = { readonly [K in keyof RunResult]: Stat };

/** Summarises runs of one policy: mean, sd, min and max of every metric over the seeds. */
export function summarise(runs: readonly RunResult[]): Summary {
  const out: Partial<Record<keyof RunResult, Stat>> = {};
  for (const k of METRICS) {
    const xs = runs.map((r) => r[k]);
    out[k] = { mean: mean(xs), sd: sd(xs), min: Math.min(...xs), max: Math.max(...xs) };
  }
  return out as Summary;
}
