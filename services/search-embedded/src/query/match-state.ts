import { ensureCapacity } from '../typed-arrays.js';
import { MAX_QUERY_WORDS } from './parse-query.js';

/** The level of a document that is dead or fails the filters: never matched, whatever its words. */
export const REJECTED = 255;

/**
 * Per-document scratch for one query, sized to the document id space and reused across queries so
 * a search allocates no per-document memory. Only entries a query touched are reset afterwards,
 * which keeps a query over 20 matches from paying for 100k documents.
 *
 * `level[d]` is how many leading query words document `d` matches (Meilisearch's "last" strategy
 * drops words from the end, so a document's tier is its run of matched words from the start);
 * `score[d]` sums the per-word match scores over that run.
 */
export class MatchState {
  /** Matched leading words per document; 0 = untouched, {@link REJECTED} = excluded. */
  level = new Uint8Array(0);
  /** Sum of the per-word scores over the document's matched leading words. */
  score = new Float32Array(0);
  /** Best score of the current word per document; 0 between words. */
  best = new Float32Array(0);
  /** Every document the first word touched (kept or rejected): the ones to reset. */
  universe = new Uint32Array(0);
  universeSize = 0;
  /** Documents that reached the current level with the previous word. */
  previous = new Uint32Array(0);
  previousSize = 0;
  /** Documents advancing with the current word. */
  advanced = new Uint32Array(0);
  advancedSize = 0;
  /** `reached[l]`: documents whose level is at least `l` after the words matched so far. */
  readonly reached = new Uint32Array(MAX_QUERY_WORDS + 2);
  /** Sort key of each matched document: minus its relevance, so ascending order ranks. */
  rankKey = new Float64Array(0);

  /** Makes room for document ids below `capacity`. */
  ensure(capacity: number): void {
    this.level = ensureCapacity(this.level, capacity);
    this.score = ensureCapacity(this.score, capacity);
    this.best = ensureCapacity(this.best, capacity);
    this.universe = ensureCapacity(this.universe, capacity);
    this.previous = ensureCapacity(this.previous, capacity);
    this.advanced = ensureCapacity(this.advanced, capacity);
    this.rankKey = ensureCapacity(this.rankKey, capacity);
  }

  /** Adds a document to the universe (at most once: callers check its level first). */
  touch(docId: number): void {
    this.universe[this.universeSize++] = docId;
  }

  /** Ends a word: documents that matched it move up one level and add their best score. */
  advance(nextLevel: number): void {
    const { advanced, level, score, best } = this;
    for (let i = 0; i < this.advancedSize; i++) {
      const doc = advanced[i] ?? 0;
      level[doc] = nextLevel;
      score[doc] = (score[doc] ?? 0) + (best[doc] ?? 0);
      best[doc] = 0;
    }
    this.reached[nextLevel] = this.advancedSize;
    [this.previous, this.advanced] = [this.advanced, this.previous];
    this.previousSize = this.advancedSize;
    this.advancedSize = 0;
  }

  /** Clears what the last query touched. */
  reset(): void {
    for (let i = 0; i < this.universeSize; i++) {
      const doc = this.universe[i] ?? 0;
      this.level[doc] = 0;
      this.score[doc] = 0;
    }
    this.universeSize = 0;
    this.reached.fill(0);
    this.previousSize = 0;
    this.advancedSize = 0;
  }
}
