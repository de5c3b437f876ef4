import type { SynonymGroup } from '@quanta/core';
import { tokenize } from '../text/tokenize.js';

/** Query words `[start, end)` that spell a synonym term, and the group's other terms as tokens. */
export interface SynonymSpan {
  readonly start: number;
  readonly end: number;
  readonly alternatives: readonly (readonly string[])[];
}

/**
 * The synonym groups in force, keyed by each term as the query tokenizer reads it (folded,
 * split on separators), so `Podcast-Show` in a group and `podcast show` typed meet. Applied at
 * query time: a change of groups costs no re-indexing, and an empty table costs a search nothing.
 */
export class SynonymTable {
  private byTerm = new Map<string, (readonly string[])[]>();
  /** Tokens of the longest term: the longest run of query words worth looking up. */
  private longest = 0;

  /** True when no group is in force. */
  get isEmpty(): boolean {
    return this.byTerm.size === 0;
  }

  /**
   * Puts `groups` in force instead of the current ones. Every term of a group leads to every other;
   * a term in several groups leads to the terms of all of them. Terms without a letter or digit
   * are ignored, and so are groups left with fewer than two terms.
   */
  replace(groups: readonly SynonymGroup[]): void {
    const byTerm = new Map<string, Map<string, readonly string[]>>();
    for (const group of groups) {
      const terms = new Map(group.map((term) => tokenize(term)).filter((tokens) => tokens.length > 0).map((tokens) => [tokens.join(' '), tokens]));
      if (terms.size < 2) continue;
      for (const key of terms.keys()) {
        const others = byTerm.get(key) ?? new Map<string, readonly string[]>();
        for (const [other, tokens] of terms) if (other !== key) others.set(other, tokens);
        byTerm.set(key, others);
      }
    }
    this.byTerm = new Map([...byTerm].map(([key, others]) => [key, [...others.values()]]));
    this.longest = Math.max(0, ...[...this.byTerm.keys()].map((key) => key.split(' ').length));
  }

  /** Every run of consecutive query words that is a term, with what it also matches. */
  spans(words: readonly string[]): SynonymSpan[] {
    const spans: SynonymSpan[] = [];
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + this.longest); end++) {
        const alternatives = this.byTerm.get(words.slice(start, end).join(' '));
        if (alternatives !== undefined) spans.push({ start, end, alternatives });
      }
    }
    return spans;
  }
}
