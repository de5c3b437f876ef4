import type { DocumentTable } from '../store/document-table.js';
import { BEST_FIELD_WEIGHT } from '../store/fields.js';
import { type PostingLists, postingDoc, postingFields } from '../store/posting-lists.js';
import type { DocFilter } from './doc-filter.js';
import { type MatchState, REJECTED } from './match-state.js';
import type { Candidate } from './word-candidates.js';

/** What the matcher reads from the index. */
export interface MatchSources {
  readonly postings: PostingLists;
  readonly documents: DocumentTable;
  readonly filter: DocFilter;
}

/**
 * Fills `state` with each document's level (leading query words matched) and score. The first
 * word's postings define who can match at all, so liveness and filters are checked there, once
 * per document. Each later word only looks at documents that matched every word before it,
 * either by scanning its postings or, when those documents are few, by binary search in the
 * (id-sorted) posting lists: a rare first word then makes a frequent second word cheap.
 */
export function matchWords(sources: MatchSources, words: readonly Candidate[][], state: MatchState): void {
  state.ensure(sources.documents.nextId);
  words.forEach((candidates, i) => {
    if (i > 0 && state.previousSize === 0) return;
    if (i === 0) scanFirstWord(sources, candidates, state);
    else if (probeIsCheaper(sources.postings, candidates, state.previousSize)) probeWord(sources.postings, candidates, state);
    else scanWord(sources.postings, candidates, i, state);
    state.advance(i + 1);
  });
}

function scanFirstWord(sources: MatchSources, candidates: readonly Candidate[], state: MatchState): void {
  const { level, best } = state;
  const { postings, documents, filter } = sources;
  for (const { termId, quality } of candidates) {
    const entries = postings.entries(termId);
    const length = postings.length(termId);
    for (let p = 0; p < length; p++) {
      const entry = entries[p] ?? 0;
      const doc = postingDoc(entry);
      if (level[doc] !== 0) continue;
      const current = best[doc] ?? 0;
      if (current === 0) {
        state.touch(doc);
        if (!documents.isLive(doc) || !filter.accepts(doc)) {
          level[doc] = REJECTED;
          continue;
        }
        state.advanced[state.advancedSize++] = doc;
      }
      const score = quality * (BEST_FIELD_WEIGHT[postingFields(entry)] ?? 0);
      if (score > current) best[doc] = score;
    }
  }
}

function scanWord(postings: PostingLists, candidates: readonly Candidate[], wordIndex: number, state: MatchState): void {
  const { level, best } = state;
  for (const { termId, quality } of candidates) {
    const entries = postings.entries(termId);
    const length = postings.length(termId);
    for (let p = 0; p < length; p++) {
      const entry = entries[p] ?? 0;
      const doc = postingDoc(entry);
      if (level[doc] !== wordIndex) continue;
      const current = best[doc] ?? 0;
      if (current === 0) state.advanced[state.advancedSize++] = doc;
      const score = quality * (BEST_FIELD_WEIGHT[postingFields(entry)] ?? 0);
      if (score > current) best[doc] = score;
    }
  }
}

function probeWord(postings: PostingLists, candidates: readonly Candidate[], state: MatchState): void {
  const { best, previous } = state;
  for (let i = 0; i < state.previousSize; i++) {
    const doc = previous[i] ?? 0;
    let top = 0;
    for (const { termId, quality } of candidates) {
      const entry = findPosting(postings.entries(termId), postings.length(termId), doc);
      if (entry >= 0) top = Math.max(top, quality * (BEST_FIELD_WEIGHT[postingFields(entry)] ?? 0));
    }
    if (top > 0) {
      best[doc] = top;
      state.advanced[state.advancedSize++] = doc;
    }
  }
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

/** Scanning costs one step per posting; probing about log2(length) steps per document and term. */
function probeIsCheaper(postings: PostingLists, candidates: readonly Candidate[], documents: number): boolean {
  let scan = 0;
  let probe = 0;
  for (const { termId } of candidates) {
    const length = postings.length(termId);
    scan += length;
    probe += documents * (Math.log2(length + 1) + 1);
  }
  return probe < scan;
}
