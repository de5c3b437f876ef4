import { ensureCapacity } from '../typed-arrays.js';
import { MAX_QUERY_WORDS } from './parse-query.js';
import { fullMatchRelevance } from './relevance.js';

/**
 * The level of a document that is dead or fails the filters. It is above every real level
 * (at most {@link MAX_QUERY_WORDS} + 1), so `level >= minLevel` is also true of rejected documents
 * and callers exclude them explicitly.
 */
export const REJECTED = 255;

/** Above this share of the id space touched, clearing whole arrays beats clearing entry by entry. */
const BULK_RESET_SHARE = 1 / 8;

/**
 * Per-document scratch for one query, sized to the document id space and reused across queries so
 * a search allocates no per-document memory.
 *
 * `level[d]` is how many leading query words document `d` matches (Meilisearch's "last" strategy
 * drops words from the end, so a document's tier is its run of matched words from the start);
 * `score[d]` sums the per-word match scores over that run; `best[d]` is the score of the current
 * word so far. A document enters level `i + 1` the first time word `i` matches it, so "seen
 * already in this word" is `level === i + 1`: no per-word reset pass, and only `level` needs
 * clearing after the query (the others are overwritten on first sight). Passes over 100k
 * documents are what a query's time is made of, so there are as few as possible.
 */
export class MatchState {
  /** Matched leading words per document; 0 = untouched, {@link REJECTED} = excluded. */
  level = new Uint8Array(0);
  /** Sum of the per-word scores over the document's matched leading words. */
  score = new Float32Array(0);
  /** Score of the current word for documents it has matched. */
  best = new Float32Array(0);
  /** Minus the relevance, set for documents that match every word (and by collection for others). */
  rankKey = new Float64Array(0);
  /** Every document the query touched (matched or rejected): the ones to clear afterwards. */
  touched = new Uint32Array(0);
  touchedSize = 0;
  /** Documents that reached the current level with the previous word. */
  previous = new Uint32Array(0);
  previousSize = 0;
  /** Documents advancing with the current word. */
  advanced = new Uint32Array(0);
  advancedSize = 0;
  /** `reached[l]`: documents whose level is at least `l` after the words matched so far. */
  readonly reached = new Uint32Array(MAX_QUERY_WORDS + 2);
  /** Number of words of the query being matched. */
  wordCount = 0;
  /** Relevance of a full match is `rankBase + rankSlope * score` (see `fullMatchRelevance`). */
  private rankBase = 0;
  private rankSlope = 0;

  /** Prepares for a query of `wordCount` words over ids below `capacity`. */
  begin(wordCount: number, capacity: number): void {
    this.wordCount = wordCount;
    ({ base: this.rankBase, slope: this.rankSlope } = fullMatchRelevance(wordCount));
    this.level = ensureCapacity(this.level, capacity);
    this.score = ensureCapacity(this.score, capacity);
    this.best = ensureCapacity(this.best, capacity);
    this.rankKey = ensureCapacity(this.rankKey, capacity);
    this.touched = ensureCapacity(this.touched, capacity);
    this.previous = ensureCapacity(this.previous, capacity);
    this.advanced = ensureCapacity(this.advanced, capacity);
  }

  /** Records that the query touched `docId`, so that it is cleared afterwards. */
  touch(docId: number): void {
    this.touched[this.touchedSize++] = docId;
  }

  /** Word `level - 1` matches `docId` for the first time, with score `s`. */
  enter(docId: number, level: number, s: number): void {
    const total = (level === 1 ? 0 : (this.score[docId] ?? 0)) + s;
    this.level[docId] = level;
    this.score[docId] = total;
    this.best[docId] = s;
    this.advanced[this.advancedSize++] = docId;
    if (level === this.wordCount) this.rankKey[docId] = -(this.rankBase + this.rankSlope * total);
  }

  /** The current word matches `docId` again, with score `s`: keep the better of the two. */
  improve(docId: number, s: number): void {
    const previous = this.best[docId] ?? 0;
    if (s <= previous) return;
    const total = (this.score[docId] ?? 0) + s - previous;
    this.score[docId] = total;
    this.best[docId] = s;
    const level = this.level[docId] ?? 0;
    if (level === this.wordCount) this.rankKey[docId] = -(this.rankBase + this.rankSlope * total);
  }

  /** Ends word `nextLevel - 1`: the documents it advanced become the ones the next word looks at. */
  endWord(nextLevel: number): void {
    this.reached[nextLevel] = this.advancedSize;
    const previous = this.previous;
    this.previous = this.advanced;
    this.advanced = previous;
    this.previousSize = this.advancedSize;
    this.advancedSize = 0;
  }

  /** Clears what the last query touched. */
  reset(): void {
    if (this.touchedSize > this.level.length * BULK_RESET_SHARE) this.level.fill(0);
    else this.clearTouched();
    this.touchedSize = 0;
    this.previousSize = 0;
    this.advancedSize = 0;
    this.reached.fill(0);
  }

  private clearTouched(): void {
    const { touched, level } = this;
    for (let i = 0; i < this.touchedSize; i++) level[touched[i] ?? 0] = 0;
  }
}
