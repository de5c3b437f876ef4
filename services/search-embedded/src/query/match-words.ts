import { BEST_FIELD_WEIGHT } from '../store/fields.js';
import { type PostingLists, postingDoc, postingFields } from '../store/posting-lists.js';
import type { Admission } from './admission.js';
import { type MatchState, REJECTED } from './match-state.js';
import type { Candidate } from './word-candidates.js';

/** What the matcher reads from the index. */
export interface MatchSources {
  readonly postings: PostingLists;
  readonly admission: Admission;
}

/**
 * Fills `state` with each document's level (leading query words matched) and score, for document
 * ids below `capacity`. The first word's postings define who can match at all, so admission
 * (liveness and filters) is checked there, once per document. Each later word only looks at
 * documents that matched every word before it, either by scanning its postings or, when those
 * documents are few, by binary search in the (id-sorted) posting lists: a rare first word then
 * makes a frequent second word cheap.
 */
export function matchWords(sources: MatchSources, words: readonly Candidate[][], capacity: number, state: MatchState): void {
  state.begin(words.length, capacity);
  words.forEach((candidates, i) => {
    if (i > 0 && state.previousSize === 0) return;
    for (const { termId, quality, postings } of candidates) {
      const entries = postings?.entries ?? sources.postings.entries(termId);
      const length = postings?.length ?? sources.postings.length(termId);
      if (i === 0) scanFirstWord(sources, entries, length, quality, state);
      else if (probeIsCheaper(length, state.previousSize)) probeWord(entries, length, quality, i, state);
      else scanWord(entries, length, quality, i, state);
    }
    state.endWord(i + 1);
  });
}

function scanFirstWord(sources: MatchSources, entries: Uint32Array, length: number, quality: number, state: MatchState): void {
  const { level } = state;
  const { admission } = sources;
  for (let p = 0; p < length; p++) {
    const entry = entries[p] ?? 0;
    const doc = postingDoc(entry);
    const at = level[doc] ?? 0;
    if (at === REJECTED) continue;
    const score = scoreOf(entry, quality);
    if (at === 1) {
      state.improve(doc, score);
      continue;
    }
    state.touch(doc);
    if (admission.admits(doc)) state.enter(doc, 1, score);
    else level[doc] = REJECTED;
  }
}

function scanWord(entries: Uint32Array, length: number, quality: number, wordIndex: number, state: MatchState): void {
  const { level } = state;
  for (let p = 0; p < length; p++) {
    const entry = entries[p] ?? 0;
    const doc = postingDoc(entry);
    const at = level[doc] ?? 0;
    if (at !== wordIndex && at !== wordIndex + 1) continue;
    const score = scoreOf(entry, quality);
    if (at === wordIndex) state.enter(doc, wordIndex + 1, score);
    else state.improve(doc, score);
  }
}

/** Looks each document still in the running up in the term's postings, instead of scanning them. */
function probeWord(entries: Uint32Array, length: number, quality: number, wordIndex: number, state: MatchState): void {
  const { previous, level } = state;
  for (let i = 0; i < state.previousSize; i++) {
    const doc = previous[i] ?? 0;
    const entry = findPosting(entries, length, doc);
    if (entry < 0) continue;
    const score = scoreOf(entry, quality);
    if (level[doc] === wordIndex) state.enter(doc, wordIndex + 1, score);
    else state.improve(doc, score);
  }
}

/**
 * The score of a posting: the match quality of its term times the weight of the best field it
 * occurs in. One table read and one multiply; building a per-term table instead cost more than
 * the scan itself for prefixes that expand to many terms.
 */
function scoreOf(entry: number, quality: number): number {
  return quality * (BEST_FIELD_WEIGHT[postingFields(entry)] ?? 0);
}

/** Binary search of an id-sorted posting list; the posting, or -1. */
function findPosting(entries: Uint32Array, length: number, doc: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const entry = entries[mid] ?? 0;
    const at = postingDoc(entry);
    if (at === doc) return entry;
    if (at < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Scanning costs one step per posting; probing about log2(length) steps per document. */
function probeIsCheaper(length: number, documents: number): boolean {
  return documents * (Math.log2(length + 1) + 1) < length;
}
