import type { RankingFactor } from '@quanta/model';
import { DAY_MS, DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { ProductSignals } from './signals.js';

type Explorable = Pick<ProductSignals, 'id' | 'ownerTeam' | 'status' | 'createdAt' | 'guarantees' | 'examinations'>;

/**
 * Whether a product may explore at all, before the per-team quota: younger than `maxAgeDays`,
 * live, and declaring at least one guarantee (the quality gate; registration has checked owner and
 * description).
 */
export function mayExplore(p: Explorable, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): boolean {
  const young = now - p.createdAt < params.explore.maxAgeDays * DAY_MS;
  return young && (p.status === 'active' || p.status === 'draft') && p.guarantees.length > 0;
}

/**
 * Which products explore: those that {@link mayExplore}, at most `perTeam` of one team at once,
 * the least seen first, so re-registering cannot farm the bonus.
 */
export function explorers(products: readonly Explorable[], now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): Set<string> {
  const byTeam = new Map<string, Explorable[]>();
  for (const p of products) {
    if (!mayExplore(p, now, params)) continue;
    byTeam.set(p.ownerTeam, [...(byTeam.get(p.ownerTeam) ?? []), p]);
  }
  const chosen = new Set<string>();
  for (const team of byTeam.values()) {
    team.sort((a, b) => a.examinations - b.examinations || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    for (const p of team.slice(0, params.explore.perTeam)) chosen.add(p.id);
  }
  return chosen;
}

/**
 * The new-product factor: `1 + β·sqrt(n0/(n0 + E))`, optimism that fades as searchers see the
 * product (E expected examinations), so a better newcomer can earn its place.
 */
export function newFactor(p: ProductSignals, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor | undefined {
  if (!p.exploring) return undefined;
  const { beta, n0 } = params.explore;
  const days = Math.floor((now - p.createdAt) / DAY_MS);
  return {
    name: 'new',
    value: 1 + beta * Math.sqrt(n0 / (n0 + p.examinations)),
    reason: `new product (${days} day${days === 1 ? '' : 's'} old), shown to few searchers so far`,
  };
}
