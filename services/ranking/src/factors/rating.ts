import type { RankingFactor } from '@quanta/model';
import { clamp, DAY_MS, decay, DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { CatalogStats, ProductSignals, RatingVote } from './signals.js';

/** The votes that count: each consumer's latest, from consumers with recorded use. */
export function countedVotes(ratings: readonly RatingVote[]): RatingVote[] {
  const latest = new Map<string, RatingVote>();
  for (const r of ratings) {
    if (!r.verified) continue;
    const held = latest.get(r.consumer);
    if (!held || held.at < r.at) latest.set(r.consumer, r);
  }
  return [...latest.values()];
}

/** C: the mean of the counted votes over the catalog, or the neutral mean before anyone rated. */
export function ratingMean(products: readonly Pick<ProductSignals, 'ratings'>[], params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  let sum = 0;
  let n = 0;
  for (const p of products) {
    for (const v of countedVotes(p.ratings)) {
      sum += v.stars;
      n++;
    }
  }
  return n === 0 ? params.rating.neutralMean : sum / n;
}

/** The largest number of ratings (any, counted or not, replaced or current) given within one `burstHours` window. */
export function largestBurst(at: readonly number[], params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const times = [...at].sort((a, b) => a - b);
  const span = (params.rating.burstHours / 24) * DAY_MS;
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while ((times[hi] as number) - (times[lo] as number) > span) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** A product's Bayesian average rating, with the votes and the total weight behind it. */
export interface ShrunkRating {
  /** R̄: the counted votes' weighted mean, shrunk towards the catalog mean. */
  readonly mean: number;
  /** Σw: the counted votes' total weight after decay and the team cap (pseudo-votes excluded). */
  readonly weight: number;
  readonly votes: readonly RatingVote[];
}

/**
 * R̄ = (m·C + Σ w·r)/(m + Σ w) over the counted votes, each vote fading with the rating half-life
 * and one team's votes together counting as at most `teamCap`.
 */
export function shrunkRating(ratings: readonly RatingVote[], now: number, catalogMean: number, params: RankingParams = DEFAULT_RANKING_PARAMS): ShrunkRating {
  const votes = countedVotes(ratings);
  const perTeam = new Map<string, number>();
  for (const v of votes) perTeam.set(v.team, (perTeam.get(v.team) ?? 0) + 1);
  let weight = 0;
  let weighted = 0;
  for (const v of votes) {
    const w = decay(now - v.at, params.rating.halfLifeDays) * Math.min(1, params.rating.teamCap / (perTeam.get(v.team) ?? 1));
    weight += w;
    weighted += w * v.stars;
  }
  const m = params.rating.priorVotes;
  // No counted weight means exactly the catalog mean: (m·C)/m can miss C by one ulp (C = 16/9),
  // which would give an unrated product a factor of 0.9999999999999999 instead of a neutral 1.
  if (weight === 0) return { mean: catalogMean, weight, votes };
  return { mean: (m * catalogMean + weighted) / (m + weight), weight, votes };
}

/**
 * The rating factor: `clamp(exp(β(R̄ − C)/2), min, max)` with R̄ the Bayesian average of the
 * counted votes shrunk towards the catalog mean C by `priorVotes` pseudo-votes, each vote fading
 * with a 180-day half-life and one team's votes counting as at most `teamCap`. So a few votes move
 * a product little, a vote without use not at all, and a burst is flagged in the reason.
 */
export function ratingFactor(p: ProductSignals, now: number, stats: CatalogStats, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor {
  const c = stats.ratingMean;
  const { mean, votes } = shrunkRating(p.ratings, now, c, params);
  const value = clamp(Math.exp((params.rating.beta * (mean - c)) / 2), params.rating.min, params.rating.max);
  const ignored = new Set(p.ratings.map((r) => r.consumer)).size - votes.length;
  const parts = [
    votes.length === 0
      ? `no verified ratings yet (catalog mean ${c.toFixed(2)})`
      : `${mean.toFixed(2)}★ adjusted from ${votes.length} verified rating${votes.length === 1 ? '' : 's'} (catalog mean ${c.toFixed(2)})`,
    ...(ignored > 0 ? [`${ignored} rating${ignored === 1 ? '' : 's'} from consumers with no recorded use not counted`] : []),
  ];
  const burst = largestBurst(p.ratingTimes ?? p.ratings.map((r) => r.at), params);
  if (burst >= params.rating.burstVotes) parts.push(`burst of ${burst} ratings within ${params.rating.burstHours} h flagged for review`);
  return { name: 'rating', value, reason: parts.join('; ') };
}
