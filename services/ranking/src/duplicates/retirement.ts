import { shrunkRating } from '../factors/rating.js';
import type { RatingVote } from '../factors/signals.js';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import { activeConsumers, stars } from './format.js';

/**
 * The rating's upper bound for "confidently poor" (§B.4.3), as ranking_sim.py computes it: the
 * shrunk mean R̄ (the rating factor's votes, decay and team cap) plus `z·sd/√(m + Σw)`, with z and
 * sd from `duplicates.retirement`. With no counted vote nothing is known: the top of the scale, 5.
 */
export function ratingUpperBound(ratings: readonly RatingVote[], now: number, catalogMean: number, params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const { mean, weight, votes } = shrunkRating(ratings, now, catalogMean, params);
  if (votes.length === 0) return 5;
  const { z, sd } = params.duplicates.retirement;
  return mean + (z * sd) / Math.sqrt(params.rating.priorVotes + weight);
}

/** What the retirement condition reads of one product at one weekly evaluation. */
export interface RetirementInput {
  readonly ageDays: number;
  /** D: decayed distinct active consumers (`decayedConsumers`). */
  readonly activeConsumers: number;
  /** Whether it is a non-canonical member of a likely-duplicate group. */
  readonly nonCanonicalDuplicate: boolean;
  /** {@link ratingUpperBound} of its ratings. */
  readonly ratingUpper: number;
}

/** Whether the condition holds this week, and the clauses that decided it, in words. */
export interface RetirementCheck {
  readonly holds: boolean;
  /** When it holds, every clause; when not, the clauses that failed. */
  readonly reasons: readonly string[];
}

/**
 * §B.4.3's weekly retirement condition: old enough (age ≥ `minAgeDays`), less than one effective
 * active consumer (D < `maxConsumers`), and superseded (a non-canonical duplicate) or confidently
 * poor (rating upper bound < `ratingUpper`).
 */
export function retirementCondition(input: RetirementInput, params: RankingParams = DEFAULT_RANKING_PARAMS): RetirementCheck {
  const r = params.duplicates.retirement;
  const age = Math.floor(input.ageDays);
  const d = activeConsumers(input.activeConsumers);
  const clauses: [boolean, string, string][] = [
    [input.ageDays >= r.minAgeDays, `${age} days old`, `only ${age} days old (needs ${r.minAgeDays})`],
    [input.activeConsumers < r.maxConsumers, d, `${d} (needs fewer than ${r.maxConsumers})`],
  ];
  if (input.nonCanonicalDuplicate) clauses.push([true, 'superseded by its group’s canonical product', '']);
  else {
    const upper = stars(input.ratingUpper);
    clauses.push([input.ratingUpper < r.ratingUpper, `rated at most ${upper}`, `neither superseded nor confidently poor (rated up to ${upper})`]);
  }
  const holds = clauses.every(([ok]) => ok);
  return { holds, reasons: clauses.filter(([ok]) => ok === holds).map(([, yes, no]) => (holds ? yes : no)) };
}

/**
 * Whether a product is flagged for retirement (M_life, §B.4.3): the condition held at each of the
 * last `retirement.weeks` weekly evaluations, given oldest first.
 */
export function flaggedForRetirement(weeklyConditions: readonly boolean[], params: RankingParams = DEFAULT_RANKING_PARAMS): boolean {
  const weeks = params.duplicates.retirement.weeks;
  return weeklyConditions.length >= weeks && weeklyConditions.slice(-weeks).every(Boolean);
}
