import type { DocumentTable } from '../store/document-table.js';
import type { DocFilter } from './doc-filter.js';
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
export function promoteExactMatches(state: MatchState, docs: readonly number[], filter: DocFilter, wordCount: number): Promotion[] {
  const promotions: Promotion[] = [];
  for (const docId of docs) {
    const wordLevel = state.level[docId] ?? 0;
    if (wordLevel === REJECTED || wordLevel > wordCount || !filter.accepts(docId)) continue;
    if (wordLevel === 0) state.touch(docId);
    state.level[docId] = wordCount + 1;
    promotions.push({ docId, wordLevel });
  }
  return promotions;
}

/**
 * Chooses the tiers to admit (see {@link selectMinLevel}), writes the admitted documents to
 * `matched` with their rank keys set, and returns how many there are and the lowest level
 * admitted. When only the top tier is
 * admitted, the matcher's last list already holds it and the universe is not scanned.
 */
export function collectMatches(state: MatchState, promotions: readonly Promotion[], wordCount: number, wanted: number, matched: Uint32Array): { n: number; minLevel: number } {
  const atLeast = Array.from(state.reached, (reached, level) => reached + promotions.filter((p) => p.wordLevel < level).length);
  const minLevel = selectMinLevel(atLeast, wordCount, wanted);
  let n = 0;
  if (minLevel === wordCount) {
    for (let i = 0; i < state.previousSize; i++) matched[n++] = state.previous[i] ?? 0;
    for (const { docId, wordLevel } of promotions) if (wordLevel < minLevel) matched[n++] = docId;
  } else {
    for (let i = 0; i < state.universeSize; i++) {
      const doc = state.universe[i] ?? 0;
      const level = state.level[doc] ?? 0;
      if (level >= minLevel && level !== REJECTED) matched[n++] = doc;
    }
  }
  setRankKeys(state, matched, n, wordCount);
  return { n, minLevel };
}

/**
 * Writes to `out` the documents that pass the filters but were not admitted (below `minLevel`,
 * or never touched by the first word) and returns how many. Rejected documents sit at a level
 * above any tier, so one comparison skips both admitted and rejected ones.
 */
export function collectUnmatched(state: MatchState, minLevel: number, documents: DocumentTable, filter: DocFilter, out: Uint32Array): number {
  let m = 0;
  for (let doc = 0; doc < documents.nextId; doc++) {
    const level = state.level[doc] ?? 0;
    if (level >= minLevel) continue;
    if (level === 0 && !(documents.isLive(doc) && filter.accepts(doc))) continue;
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
