import { describe, expect, it } from 'vitest';
import { PostingLists } from '../store/posting-lists.js';
import { TermDictionary } from '../terms/term-dictionary.js';
import { CandidateFinder, type PrefixLimits } from './word-candidates.js';

/** A dictionary where term `word` has `frequency` postings. */
function finder(frequencies: Record<string, number>, limits: PrefixLimits): { find: (w: string, p: boolean) => string[] } {
  const terms = new TermDictionary();
  const postings = new PostingLists();
  for (const [word, frequency] of Object.entries(frequencies)) {
    const id = terms.intern(word);
    for (let doc = 0; doc < frequency; doc++) postings.append(id, doc, 1);
  }
  const candidates = new CandidateFinder(terms, postings, limits);
  return { find: (w, p) => candidates.find(w, p).map((c) => terms.wordOf(c.termId)) };
}

const LIMITS = { maxPrefixTerms: 100, maxPrefixPostings: 1_000_000 };

describe('CandidateFinder', () => {
  it('matches a short word only exactly, and a longer one within its typo allowance, best first', () => {
    const f = finder({ play: 5, plya: 5, listener: 5, listeners: 9, lsitener: 1, gone: 0 }, LIMITS);
    expect(f.find('play', false)).toEqual(['play']);
    expect(f.find('listener', false)).toEqual(['listener', 'listeners', 'lsitener']);
    expect(f.find('gone', false)).toEqual([]);
  });

  it('expands a last-word prefix, whole matches first, then prefixes by frequency', () => {
    const f = finder({ pla: 1, play: 3, player: 9, playlist: 5, plan: 1 }, LIMITS);
    expect(f.find('pla', true)).toEqual(['pla', 'player', 'playlist', 'play', 'plan']);
  });

  it('caps prefix-only terms by count and by postings, keeping at least the most frequent', () => {
    const frequencies = { pa: 50, pb: 40, pc: 30, pd: 20 };
    expect(finder(frequencies, { maxPrefixTerms: 2, maxPrefixPostings: 1000 }).find('p', true)).toEqual(['pa', 'pb']);
    expect(finder(frequencies, { maxPrefixTerms: 10, maxPrefixPostings: 95 }).find('p', true)).toEqual(['pa', 'pb']);
    expect(finder(frequencies, { maxPrefixTerms: 10, maxPrefixPostings: 1 }).find('p', true)).toEqual(['pa']);
  });
});
