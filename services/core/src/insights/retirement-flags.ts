import {
  DAY_MS,
  decayedConsumers,
  flaggedForRetirement,
  type ProductSignals,
  type RankingParams,
  ratingUpperBound,
  type RetirementInput,
  retirementCondition,
} from '@quanta/ranking';

/** A product's signals as they stood at `at`: later uses, ratings and checks not yet happened. */
export function signalsAsOf(p: ProductSignals, at: number): ProductSignals {
  return {
    ...p,
    // A consumer whose first use is unknown (seen through lineage) counts as using it then:
    // when unsure, the loop keeps a product rather than flag it.
    consumers: p.consumers.filter((c) => (c.firstUsedAt ?? -Infinity) <= at).map((c) => ({ ...c, lastUsedAt: Math.min(c.lastUsedAt, at) })),
    ratings: p.ratings.filter((r) => r.at <= at),
    checks: p.checks.filter((c) => c.at <= at),
  };
}

/**
 * When a product demonstrably existed: its registration, or its first recorded use, rating or
 * check if earlier (a product registered into Quanta today may have served consumers for years).
 */
export function bornAt(p: ProductSignals): number {
  let born = p.createdAt;
  for (const c of p.consumers) if (c.firstUsedAt !== undefined) born = Math.min(born, c.firstUsedAt);
  for (const r of p.ratings) born = Math.min(born, r.at);
  for (const c of p.checks) born = Math.min(born, c.at);
  return born;
}

/** The retirement verdict of one product: flagged or not, and this week's condition in full. */
export interface RetirementVerdict {
  readonly flagged: boolean;
  readonly input: RetirementInput;
  readonly reasons: readonly string[];
}

/**
 * §B.4 step 3, looking back: the weekly condition judged at now and at each of the previous
 * weekly instants from the history as it stood then, so a flag needs `weeks` weeks of evidence
 * whether or not the server ran that long. A non-canonical duplicate counts as superseded from
 * `nonCanonicalSince` on (when it and its canonical both existed; today's grouping is assumed
 * back to then); undefined when it is none.
 */
export function retirementVerdict(p: ProductSignals, now: number, nonCanonicalSince: number | undefined, catalogMean: number, params: RankingParams): RetirementVerdict {
  const born = bornAt(p);
  const weeks = params.duplicates.retirement.weeks;
  const conditions: boolean[] = [];
  let latest: { input: RetirementInput; reasons: readonly string[] } | undefined;
  for (let k = weeks - 1; k >= 0; k--) {
    const at = now - k * 7 * DAY_MS;
    const then = signalsAsOf(p, at);
    const input: RetirementInput = {
      ageDays: (at - born) / DAY_MS,
      activeConsumers: decayedConsumers(then, at, params),
      // Superseded only once its canonical existed too.
      nonCanonicalDuplicate: nonCanonicalSince !== undefined && nonCanonicalSince <= at,
      ratingUpper: ratingUpperBound(then.ratings, at, catalogMean, params),
    };
    const check = retirementCondition(input, params);
    conditions.push(check.holds);
    latest = { input, reasons: check.reasons };
  }
  return { flagged: flaggedForRetirement(conditions, params), input: latest?.input as RetirementInput, reasons: latest?.reasons ?? [] };
}
