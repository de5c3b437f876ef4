import type { Admission } from './admission.js';
import { type MatchState, REJECTED } from './match-state.js';
import { EXACT_RELEVANCE, tierRelevance } from './relevance.js';
import { selectMinLevel } from './select-tier.js';

/** An exact match lifted above every tier, and the level it had reached by its words. */
interface Promotion {
  readonly docId: number;
  readonly wordLevel: number;
}

/**
 * Lifts the documents whose name, title or IRI equals the whole query to the level above every
 * tier (`wordCount + 1`), touching them if their words did not.
 */
export function promoteExactMatches(state: MatchState, docs: readonly number[], admission: Admission, wordCount: number): Promotion[] {
  const promotions: Promotion[] = [];
  for (const docId of docs) {
    const wordLevel = state.level[docId] ?? 0;
    if (wordLevel === REJECTED || wordLevel > wordCount || !admission.admits(docId)) continue;
    if (wordLevel === 0) state.touch(docId);
    state.level[docId] = wordCount + 1;
    promotions.push({ docId, wordLevel });
  }
  return promotions;
}

/**
 * Chooses the tiers to return (see {@link selectMinLevel}), writes their documents to `matched`
 * with rank keys set, and returns how many there are and the lowest level returned. When only
 * the top tier is returned, the matcher's last list already holds it, ranked, and the touched
 * documents are not scanned.
 */
export function collectMatches(state: MatchState, promotions: readonly Promotion[], wordCount: number, wanted: number, matched: Uint32Array): { n: number; minLevel: number } {
  const minLevel = selectMinLevel(countAtLeast(state, promotions), wordCount, wanted);
  const n = minLevel === wordCount ? copyTopTier(state, promotions, matched) : collectFromTouched(state, minLevel, matched);
  if (minLevel < wordCount) setRankKeys(state, matched, n, wordCount);
  for (const { docId } of promotions) state.rankKey[docId] = -EXACT_RELEVANCE;
  return { n, minLevel };
}

/** Per level, the documents at that level or above, exact matches included wherever they began. */
function countAtLeast(state: MatchState, promotions: readonly Promotion[]): number[] {
  return Array.from(state.reached, (reached, level) => reached + promotions.filter((p) => p.wordLevel < level).length);
}

/** The matcher's last list (already ranked) plus the exact matches that did not match every word. */
function copyTopTier(state: MatchState, promotions: readonly Promotion[], matched: Uint32Array): number {
  matched.set(state.previous.subarray(0, state.previousSize));
  let n = state.previousSize;
  for (const { docId, wordLevel } of promotions) if (wordLevel < state.wordCount) matched[n++] = docId;
  return n;
}

function collectFromTouched(state: MatchState, minLevel: number, matched: Uint32Array): number {
  const { touched, level } = state;
  let n = 0;
  for (let i = 0; i < state.touchedSize; i++) {
    const doc = touched[i] ?? 0;
    const at = level[doc] ?? 0;
    if (at >= minLevel && at !== REJECTED) matched[n++] = doc;
  }
  return n;
}

/**
 * Writes to `out` the admitted documents (live, passing the filters) that are not in the result:
 * below `minLevel`, or never touched by the first word. Returns how many. Rejected documents sit
 * at a level above any tier, so one comparison skips both returned and rejected ones.
 */
export function collectUnmatched(state: MatchState, minLevel: number, admission: Admission, capacity: number, out: Uint32Array): number {
  let m = 0;
  for (let doc = 0; doc < capacity; doc++) {
    const level = state.level[doc] ?? 0;
    if (level >= minLevel) continue;
    if (level === 0 && !admission.admits(doc)) continue;
    out[m++] = doc;
  }
  return m;
}

function setRankKeys(state: MatchState, matched: Uint32Array, n: number, wordCount: number): void {
  const { level, score, rankKey } = state;
  for (let i = 0; i < n; i++) {
    const doc = matched[i] ?? 0;
    const at = level[doc] ?? 0;
    rankKey[doc] = at > wordCount ? -EXACT_RELEVANCE : -tierRelevance(at, score[doc] ?? 0, wordCount);
  }
}
