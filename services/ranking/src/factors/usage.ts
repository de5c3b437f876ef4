import type { RankingFactor } from '@quanta/model';
import { decay, DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { CatalogStats, ProductSignals } from './signals.js';

/**
 * D: the product's distinct consumers, each weighted by how recently it last used the product
 * (30-day half-life), the owner team excluded. One consumer reading a million times is one.
 */
export function decayedConsumers(p: Pick<ProductSignals, 'consumers' | 'ownerTeam' | 'id'>, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  let d = 0;
  const seen = new Set<string>();
  for (const use of p.consumers) {
    if (use.consumer === p.ownerTeam || use.consumer === p.id || seen.has(use.consumer)) continue;
    seen.add(use.consumer);
    d += decay(now - use.lastUsedAt, params.usage.halfLifeDays);
  }
  return d;
}

/** K_u: the median D of products with at least one active consumer's worth of use, floored. */
export function usagePivot(ds: readonly number[], params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const active = ds.filter((d) => d >= params.usage.activeFloor).sort((a, b) => a - b);
  if (active.length === 0) return params.usage.pivotFloor;
  const mid = active.length >> 1;
  const median = active.length % 2 ? (active[mid] as number) : ((active[mid - 1] as number) + (active[mid] as number)) / 2;
  return Math.max(params.usage.pivotFloor, median);
}

/**
 * The usage factor, the reinforcing loop: `1 + β·D/(D + K_u)`. Saturating, so the reward for use
 * is bounded (below 1 + β) and its midpoint moves with the catalog's median.
 */
export function usageFactor(p: ProductSignals, now: number, stats: CatalogStats, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor {
  const d = decayedConsumers(p, now, params);
  const value = 1 + (params.usage.beta * d) / (d + Math.max(params.usage.pivotFloor, stats.usagePivot));
  const distinct = new Set(p.consumers.filter((c) => c.consumer !== p.ownerTeam && c.consumer !== p.id).map((c) => c.consumer)).size;
  const reason =
    distinct === 0
      ? 'no recorded consumers yet'
      : `used by ${distinct} consuming team${distinct === 1 ? '' : 's'}/products (≈${d.toFixed(1)} active, ${params.usage.halfLifeDays}-day half-life)`;
  return { name: 'usage', value, reason };
}
