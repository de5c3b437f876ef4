import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';

/** A member of a duplicate group and its feedback prior Q = M_use·M_rate·M_slo. */
export interface CanonicalCandidate {
  readonly id: string;
  readonly quality: number;
}

/** The group's canonical product and why, in words. */
export interface CanonicalChoice {
  readonly canonical: string;
  readonly reason: string;
}

const q = (x: number): string => x.toFixed(2);

/**
 * The canonical product of a duplicate group (§B.4.2): the one owners pinned through governance,
 * if it is a member; else the incumbent, unless a challenger's quality is more than `hysteresis`
 * above the incumbent's (so the choice does not flip on noise); else the member with the highest
 * quality, ties to the smallest id. `members` must not be empty.
 */
export function chooseCanonical(members: readonly CanonicalCandidate[], incumbent?: string, pinned?: string, params: RankingParams = DEFAULT_RANKING_PARAMS): CanonicalChoice {
  if (members.length === 0) throw new RangeError('a duplicate group has members');
  if (pinned !== undefined && members.some((m) => m.id === pinned)) return { canonical: pinned, reason: `${pinned} is pinned as canonical by its owners` };
  const best = members.reduce((b, m) => (m.quality > b.quality || (m.quality === b.quality && m.id < b.id) ? m : b));
  const held = members.find((m) => m.id === incumbent);
  if (!held) return { canonical: best.id, reason: `${best.id} has the highest quality in the group (${q(best.quality)})` };
  const bar = (1 + params.duplicates.hysteresis) * held.quality;
  const pct = Math.round(params.duplicates.hysteresis * 100);
  if (best.id !== held.id && best.quality > bar) {
    return { canonical: best.id, reason: `${best.id} replaces ${held.id}: its quality ${q(best.quality)} is more than ${pct}% above ${q(held.quality)}` };
  }
  if (best.id === held.id) return { canonical: held.id, reason: `${held.id} stays canonical: it has the highest quality in the group (${q(held.quality)})` };
  return {
    canonical: held.id,
    reason: `${held.id} stays canonical: ${best.id}'s quality ${q(best.quality)} is not more than ${pct}% above ${q(held.quality)}`,
  };
}
