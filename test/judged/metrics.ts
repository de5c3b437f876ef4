/** `DCG@k = Σ (2^g − 1) / log2(i + 1)` over the first k grades. */
function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k of a ranked list of products: its DCG over the ideal DCG of every judged grade (judged
 * products a ranking leaves out count against it). Undefined (NaN) when nothing is relevant: such
 * a query has no ideal ranking to come close to, so it is left out of the means, as in TREC.
 */
export function ndcg(ranked: readonly string[], grade: (product: string) => number, judged: readonly string[], k = 10): number {
  const ideal = dcg(judged.map(grade).sort((a, b) => b - a), k);
  return ideal === 0 ? Number.NaN : dcg(ranked.map(grade), k) / ideal;
}

/**
 * Weak-match intrusion of §C.1: an irrelevant result (topical 0) in the top 3 above a result the
 * judges call relevant (topical ≥ 2) further down the same top 3.
 */
export function intrudes(ranked: readonly string[], topical: (product: string) => number): boolean {
  const top = ranked.slice(0, 3).map(topical);
  return top.some((g, i) => g === 0 && top.slice(i + 1).some((later) => later >= 2));
}

/** The mean of some numbers. */
export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The 95% bootstrap confidence interval of the mean of paired per-query differences (§C.1):
 * 10,000 resamples with replacement, drawn from a seeded generator so every run prints the same.
 */
export function bootstrapCi(diffs: readonly number[], next: () => number, resamples = 10_000): [number, number] {
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < diffs.length; i++) sum += diffs[Math.floor(next() * diffs.length)]!;
    means[r] = sum / diffs.length;
  }
  means.sort();
  return [means[Math.floor(0.025 * resamples)]!, means[Math.ceil(0.975 * resamples) - 1]!];
}

/** How a ranked list settles the pairs the judges call equally on topic but unequally fit. */
export interface FitnessDecisions {
  /** Such pairs among the judged products: topical grades equal and above 0, fitness grades not. */
  readonly judged: number;
  /** Those pairs with both products in the list: the decisions a re-ranking of it can make. */
  readonly listed: number;
  /** Listed pairs where the fitter product comes first. */
  readonly fitterFirst: number;
}

/**
 * The decisions fitness labels add to topical ones (§C.1): where two products are equally on
 * topic, the fitter should come first. Text relevance cannot tell them apart by fitness; feedback
 * should, but only for the pairs the engine retrieved.
 */
export function fitnessDecisions(
  ranked: readonly string[],
  topical: (product: string) => number,
  fitness: (product: string) => number,
  judged: readonly string[],
): FitnessDecisions {
  const at = new Map(ranked.map((p, i) => [p, i]));
  let pairs = 0;
  let listed = 0;
  let fitterFirst = 0;
  for (const fitter of judged) {
    for (const other of judged) {
      if (topical(fitter) === 0 || topical(fitter) !== topical(other) || fitness(fitter) <= fitness(other)) continue;
      pairs += 1;
      const [a, b] = [at.get(fitter), at.get(other)];
      if (a === undefined || b === undefined) continue;
      listed += 1;
      if (a < b) fitterFirst += 1;
    }
  }
  return { judged: pairs, listed, fitterFirst };
}
