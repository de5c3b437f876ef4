import type { RankingFactor } from '@quanta/model';
import { duplicateFactor, lifecycleFactor } from './factors/balancing.js';
import { explorers, newFactor } from './factors/exploration.js';
import { ratingFactor, ratingMean } from './factors/rating.js';
import type { CatalogStats, ProductSignals } from './factors/signals.js';
import { sloFactor } from './factors/slo.js';
import { decayedConsumers, usageFactor, usagePivot } from './factors/usage.js';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';
import type { Feedback } from './rerank.js';

/** The catalog-wide numbers the factors compare each product with. */
export function catalogStats(products: readonly ProductSignals[], now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): CatalogStats {
  return { usagePivot: usagePivot(products.map((p) => decayedConsumers(p, now, params)), params), ratingMean: ratingMean(products, params) };
}

/**
 * One product's feedback: every factor that applies, each a multiplier with the sentence shown to
 * users. Usage, rating and SLO always speak (×1 when neutral); duplicate, lifecycle and new only
 * when they apply.
 */
export function productFeedback(p: ProductSignals, now: number, stats: CatalogStats, params: RankingParams = DEFAULT_RANKING_PARAMS): Feedback {
  const factors: RankingFactor[] = [usageFactor(p, now, stats, params), ratingFactor(p, now, stats, params), sloFactor(p, now, params)];
  for (const f of [duplicateFactor(p, now, params), lifecycleFactor(p, params), newFactor(p, now, params)]) if (f) factors.push(f);
  return p.status === 'deprecated' && p.successor !== undefined ? { factors, successor: p.successor } : { factors };
}

/** Feedback for a whole catalog at `now`: its stats, who explores, and each product's factors. */
export function catalogFeedback(products: readonly ProductSignals[], now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): Map<string, Feedback> {
  const stats = catalogStats(products, now, params);
  const exploring = explorers(products, now, params);
  return new Map(products.map((p) => [p.id, productFeedback({ ...p, exploring: exploring.has(p.id) }, now, stats, params)]));
}
