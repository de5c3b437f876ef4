import type { RankingFactor } from '@quanta/model';
import { DAY_MS, decay, DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { ProductSignals } from './signals.js';

/** A guarantee's error-budget burn: 1 means failing exactly as often as its target allows. */
export interface Burn {
  readonly guarantee: string;
  readonly burn: number;
}

/**
 * Each declared guarantee's burn over the window: failures weighted by a 14-day half-life against
 * the budget `1 − target`, with `priorChecks` pseudo-checks at exactly the budget so that a few
 * checks cannot swing it. Old failures fade, so a product recovers by passing again. A target of 1
 * leaves no budget at all: any failure in the window burns it infinitely, none burns nothing.
 */
export function burns(p: Pick<ProductSignals, 'guarantees' | 'checks'>, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): Burn[] {
  return p.guarantees.map((g) => {
    const budget = 1 - (g.target ?? params.slo.defaultTarget);
    let bad = 0;
    let total = 0;
    for (const c of p.checks) {
      if (c.guarantee !== g.name || now - c.at > params.slo.windowDays * DAY_MS || c.at > now) continue;
      const w = decay(now - c.at, params.slo.halfLifeDays);
      total += w;
      if (!c.passed) bad += w;
    }
    const prior = params.slo.priorChecks;
    if (budget <= 0) return { guarantee: g.name, burn: bad > 0 ? Number.POSITIVE_INFINITY : 0 };
    // No check and no prior is no evidence: within budget, not 0/0.
    if (total + prior === 0) return { guarantee: g.name, burn: 0 };
    return { guarantee: g.name, burn: (bad + budget * prior) / (total + prior) / budget };
  });
}

/**
 * The SLO factor: ×1 while every guarantee burns within budget, else `max(floor, e^(−β(b − 1)))`
 * for the worst burn b; a product that declares no guarantee gets `undeclared` (drafts excepted),
 * which nudges owners to declare what they promise.
 */
export function sloFactor(p: ProductSignals, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor {
  if (p.guarantees.length === 0) {
    return p.status === 'draft'
      ? { name: 'slo', value: 1, reason: 'draft: no guarantees expected yet' }
      : { name: 'slo', value: params.slo.undeclared, reason: 'no declared guarantees' };
  }
  const worst = burns(p, now, params).reduce((w, b) => (b.burn > w.burn ? b : w));
  if (worst.burn <= 1) return { name: 'slo', value: 1, reason: 'guarantees met within error budget' };
  const value = Math.max(params.slo.floor, Math.exp(-params.slo.beta * (worst.burn - 1)));
  const burned = Number.isFinite(worst.burn) ? `burned ${worst.burn.toFixed(1)}× its error budget` : 'failed a 100% target, which leaves no error budget';
  return { name: 'slo', value, reason: `'${worst.guarantee}' ${burned} (recovers as failures age)` };
}
