import { MAX_TOKEN_LENGTH } from '../text/tokenize.js';
import { NONE, type TermTrie } from './term-trie.js';

/** Says a distance is over the allowance. */
export const NO_MATCH = -1;

/**
 * Called once per term within reach: `wholeTypos` is the distance from the query word to the whole
 * term, `prefixTypos` the smallest distance to any prefix of it; each is {@link NO_MATCH} when over
 * the allowance (or, for `prefixTypos`, when prefix matching is off).
 */
export type TermVisitor = (termId: number, wholeTypos: number, prefixTypos: number) => void;

const ROW = MAX_TOKEN_LENGTH + 1;

/**
 * Finds the terms within a Damerau-Levenshtein (optimal string alignment) distance of a word by
 * walking the trie with one DP row per depth, abandoning a branch as soon as its row's minimum
 * exceeds the allowance. This visits a few hundred nodes instead of comparing the word against
 * the whole dictionary, which is where off-the-shelf engines spend their time
 * (perf-reliability.md §4). The buffers are reused across walks, so a walk allocates nothing.
 */
export class FuzzyWalker {
  private readonly rows = new Int32Array((MAX_TOKEN_LENGTH + 2) * ROW);
  private readonly path = new Uint16Array(MAX_TOKEN_LENGTH + 2);
  private readonly word = new Uint16Array(MAX_TOKEN_LENGTH);
  private length = 0;
  private maxTypos = 0;
  private prefix = false;
  private visit: TermVisitor = () => undefined;

  /**
   * Visits every term of `trie` within `maxTypos` of `word`; with `prefix`, also every term that
   * starts with something within `maxTypos` of it.
   */
  walk(trie: TermTrie, word: string, maxTypos: number, prefix: boolean, visit: TermVisitor): void {
    this.length = Math.min(word.length, MAX_TOKEN_LENGTH);
    this.maxTypos = maxTypos;
    this.prefix = prefix;
    this.visit = visit;
    for (let i = 0; i < this.length; i++) this.word[i] = word.charCodeAt(i);
    for (let i = 0; i <= this.length; i++) this.rows[i] = i;
    const bestAtRoot = prefix && this.length <= maxTypos ? this.length : Number.MAX_SAFE_INTEGER;
    for (let c = trie.firstChildOf(0); c !== NONE; c = trie.nextSiblingOf(c)) this.descend(trie, c, 1, bestAtRoot);
  }

  private descend(trie: TermTrie, node: number, depth: number, pathBest: number): void {
    if (depth > MAX_TOKEN_LENGTH) return;
    const rowMin = this.fillRow(trie.charOf(node), depth);
    const whole = this.rows[depth * ROW + this.length] ?? NO_MATCH;
    const best = this.prefix ? Math.min(pathBest, whole) : pathBest;
    const term = trie.termOf(node);
    if (term !== NONE) this.report(term, whole, best);
    if (rowMin <= this.maxTypos) {
      for (let c = trie.firstChildOf(node); c !== NONE; c = trie.nextSiblingOf(c)) this.descend(trie, c, depth + 1, best);
    } else if (this.prefix && best <= this.maxTypos) {
      // No longer term can be within reach, but every term below starts with a matching prefix.
      for (let c = trie.firstChildOf(node); c !== NONE; c = trie.nextSiblingOf(c)) this.enumerate(trie, c, best);
    }
  }

  private enumerate(trie: TermTrie, node: number, prefixTypos: number): void {
    const term = trie.termOf(node);
    if (term !== NONE) this.visit(term, NO_MATCH, prefixTypos);
    for (let c = trie.firstChildOf(node); c !== NONE; c = trie.nextSiblingOf(c)) this.enumerate(trie, c, prefixTypos);
  }

  private report(term: number, whole: number, best: number): void {
    const wholeTypos = whole <= this.maxTypos ? whole : NO_MATCH;
    const prefixTypos = this.prefix && best <= this.maxTypos ? best : NO_MATCH;
    if (wholeTypos !== NO_MATCH || prefixTypos !== NO_MATCH) this.visit(term, wholeTypos, prefixTypos);
  }

  /** Computes the DP row for the path extended by `char` at `depth`; returns the row's minimum. */
  private fillRow(char: number, depth: number): number {
    const { rows, word, length } = this;
    const cur = depth * ROW;
    const prev = cur - ROW;
    const before = this.path[depth - 1] ?? 0;
    this.path[depth] = char;
    rows[cur] = depth;
    let min = depth;
    for (let i = 1; i <= length; i++) {
      const wi = word[i - 1] ?? 0;
      const substitution = (rows[prev + i - 1] ?? 0) + (wi === char ? 0 : 1);
      let v = Math.min((rows[prev + i] ?? 0) + 1, (rows[cur + i - 1] ?? 0) + 1, substitution);
      if (i > 1 && depth > 1 && wi === before && word[i - 2] === char) {
        v = Math.min(v, (rows[prev - ROW + i - 2] ?? 0) + 1);
      }
      rows[cur + i] = v;
      if (v < min) min = v;
    }
    return min;
  }
}
