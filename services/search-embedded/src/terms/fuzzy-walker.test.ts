import { describe, expect, it } from 'vitest';
import { osaDistance } from '../testing/reference-search.js';
import { FuzzyWalker, NO_MATCH } from './fuzzy-walker.js';
import { TermTrie } from './term-trie.js';

const WORDS = ['listener', 'listeners', 'listen', 'lister', 'lsitener', 'silent', 'demographics', 'demografics', 'play', 'plays', 'ply', 'a', 'ab'];

function walk(word: string, maxTypos: number, prefix: boolean): Map<string, [number, number]> {
  const trie = new TermTrie();
  WORDS.forEach((w, id) => trie.insert(w, id));
  const found = new Map<string, [number, number]>();
  new FuzzyWalker().walk(trie, word, maxTypos, prefix, (id, whole, pre) => found.set(WORDS[id] ?? '', [whole, pre]));
  return found;
}

const minPrefixDistance = (word: string, term: string): number =>
  Math.min(...Array.from({ length: term.length + 1 }, (_, k) => osaDistance(word, term.slice(0, k))));

describe('FuzzyWalker', () => {
  it('finds exactly the terms within the allowance, with their optimal string alignment distance', () => {
    for (const word of ['listener', 'lsitener', 'listne', 'demografics', 'plya', 'pla']) {
      for (const maxTypos of [0, 1, 2]) {
        const found = walk(word, maxTypos, false);
        const expected = WORDS.filter((w) => osaDistance(word, w) <= maxTypos);
        expect([...found.keys()].sort(), `${word}/${maxTypos}`).toEqual(expected.sort());
        for (const w of expected) expect(found.get(w)?.[0]).toBe(osaDistance(word, w));
      }
    }
  });

  it('counts a transposition as one typo', () => {
    expect(walk('lsitener', 1, false).get('listener')).toEqual([1, NO_MATCH]);
    expect(walk('lsitener', 0, false).has('listener')).toBe(false);
  });

  it('with a prefix, also finds terms that start within the allowance, with the smallest distance', () => {
    for (const word of ['list', 'lisn', 'demog', 'pl', 'a']) {
      for (const maxTypos of [0, 1]) {
        const found = walk(word, maxTypos, true);
        const expected = WORDS.filter((w) => minPrefixDistance(word, w) <= maxTypos);
        expect([...found.keys()].sort(), `${word}/${maxTypos}`).toEqual(expected.sort());
        for (const w of expected) expect(found.get(w)?.[1]).toBe(minPrefixDistance(word, w));
      }
    }
  });
});
