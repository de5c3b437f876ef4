import { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';
import type { Candidate, Ranked } from './rerank.js';

/** The note on a hit placed by the exploration slot. */
export const SLOT_NOTE = 'exploration slot: placed here at random, to learn whether searchers want this new product';

/**
 * The ε-slot (research/ranking.md §B.7): with probability ε per results page, one random
 * exploring product that searchers have seen little of, not already in the top `slot − 1`, and
 * within `slotRelevance` of the best text match, moves to position `slot`, noted. The caller logs
 * it (query, product, position, propensity) for later position-bias estimates.
 * @param explores whether a candidate may take the slot (exploring, fewer than n0 examinations)
 * @param random a source of [0, 1) numbers: Math.random in production, seeded in tests
 * @returns the list (reordered when the slot was used) and the product placed, if any
 */
export function withExplorationSlot<C extends Candidate>(
  ranked: readonly Ranked<C>[],
  explores: (candidate: C) => boolean,
  random: () => number,
  params: RankingParams = DEFAULT_RANKING_PARAMS,
): { ranked: Ranked<C>[]; placed?: { id: string; propensity: number } } {
  const index = params.explore.slot - 1;
  if (ranked.length <= index || random() >= params.explore.epsilon) return { ranked: [...ranked] };
  const best = ranked.reduce((m, r) => Math.max(m, r.candidate.relevance), 0);
  const pool = ranked
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i >= index && explores(r.candidate) && r.candidate.relevance >= params.explore.slotRelevance * best);
  if (pool.length === 0) return { ranked: [...ranked] };
  const pick = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] as (typeof pool)[number];
  const out = ranked.filter((_, i) => i !== pick.i);
  out.splice(index, 0, { ...pick.r, notes: [...pick.r.notes, SLOT_NOTE] });
  return { ranked: out, placed: { id: pick.r.candidate.id, propensity: params.explore.epsilon / pool.length } };
}
