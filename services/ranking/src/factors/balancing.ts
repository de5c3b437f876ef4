import type { RankingFactor } from '@quanta/model';
import { DAY_MS, DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { ProductSignals } from './signals.js';

/**
 * The duplicate factor, half of the balancing loop: a non-canonical member of a likely-duplicate
 * group, past the grace period (so a better newcomer can still win), is demoted. Neutral, and
 * left out, until the insights work forms groups.
 */
export function duplicateFactor(p: ProductSignals, now: number, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor | undefined {
  if (!p.duplicateOf) return undefined;
  const { name, score } = p.duplicateOf;
  if (now - p.createdAt < params.duplicate.graceDays * DAY_MS) {
    return { name: 'duplicate', value: 1, reason: `likely duplicate (${score.toFixed(2)}) of ${name}; not demoted during its first ${params.duplicate.graceDays} days` };
  }
  return { name: 'duplicate', value: params.duplicate.factor, reason: `likely duplicate (${score.toFixed(2)}) of ${name}, its group's canonical product` };
}

/** The lifecycle factor, the other half: deprecated by its owner, or flagged for retirement. */
export function lifecycleFactor(p: ProductSignals, params: RankingParams = DEFAULT_RANKING_PARAMS): RankingFactor | undefined {
  if (p.status === 'deprecated') return { name: 'lifecycle', value: params.lifecycle.deprecated, reason: 'deprecated by its owner' };
  if (p.flaggedForRetirement) return { name: 'lifecycle', value: params.lifecycle.flagged, reason: 'flagged for retirement: barely used for four weeks, and superseded or poorly rated; owner asked to retire' };
  return undefined;
}
