import type { PostingLists, PostingSlice } from '../store/posting-lists.js';
import { FuzzyWalker, NO_MATCH } from '../terms/fuzzy-walker.js';
import type { TermDictionary } from '../terms/term-dictionary.js';
import { allowedTypos, matchQuality } from './match-quality.js';

/** A term that matches a query word, and how well (see `matchQuality`). */
export interface Candidate {
  readonly termId: number;
  readonly quality: number;
  /**
   * Postings to read instead of the term's: the documents holding every word of a multi-word
   * synonym, which is no single term (`termId` is then -1).
   */
  readonly postings?: PostingSlice;
}

/** How far a last-word prefix may expand beyond whole-word matches. */
export interface PrefixLimits {
  /** Most prefix-only terms kept. */
  readonly maxPrefixTerms: number;
  /** Most postings those terms may add up to. */
  readonly maxPrefixPostings: number;
}

interface Found extends Candidate {
  readonly whole: boolean;
  readonly frequency: number;
}

/**
 * Expands a query word into the terms it matches: the word itself, terms within its typo allowance
 * and, for the last word, terms it is a prefix of (with the same allowance). Whole-word matches
 * are all kept; prefix-only matches are capped to the best and most frequent few, within a postings
 * budget, because a one-letter prefix would otherwise pull in thousands of terms and most of the
 * postings in the index.
 */
export class CandidateFinder {
  private readonly walker = new FuzzyWalker();

  constructor(
    private readonly terms: TermDictionary,
    private readonly postings: PostingLists,
    private readonly limits: PrefixLimits,
  ) {}

  /** The terms matching `word`, best first; empty when nothing in the index is within reach. */
  find(word: string, prefix: boolean): Candidate[] {
    const typos = allowedTypos(word);
    if (typos === 0 && !prefix) return this.exact(word);
    const whole: Found[] = [];
    const prefixOnly: Found[] = [];
    this.walker.walk(this.terms.trie, word, typos, prefix, (termId, wholeTypos, prefixTypos) => {
      const frequency = this.postings.length(termId);
      if (frequency === 0) return;
      const found = { termId, quality: matchQuality(wholeTypos, prefixTypos), whole: wholeTypos !== NO_MATCH, frequency };
      (found.whole ? whole : prefixOnly).push(found);
    });
    const kept = this.capped(prefixOnly.sort(byQualityThenFrequency));
    return [...whole, ...kept].sort(byQualityThenFrequency).map(({ termId, quality }) => ({ termId, quality }));
  }

  /** The best prefix-only terms, within the term count and postings budget; never none of them. */
  private capped(sorted: readonly Found[]): Found[] {
    const kept: Found[] = [];
    let postings = 0;
    for (const found of sorted) {
      const full = kept.length >= this.limits.maxPrefixTerms || postings + found.frequency > this.limits.maxPrefixPostings;
      if (full && kept.length > 0) break;
      kept.push(found);
      postings += found.frequency;
    }
    return kept;
  }

  private exact(word: string): Candidate[] {
    const termId = this.terms.idOf(word);
    return termId >= 0 && this.postings.length(termId) > 0 ? [{ termId, quality: 1 }] : [];
  }
}

function byQualityThenFrequency(a: Found, b: Found): number {
  return b.quality - a.quality || b.frequency - a.frequency;
}
