import { describe, expect, it } from 'vitest';
import { EXACT_RELEVANCE, fullMatchRelevance, tierRelevance } from './relevance.js';

describe('tierRelevance', () => {
  it('stays below an exact match, and puts every document matching more words above those matching fewer', () => {
    const best = (level: number, words: number) => tierRelevance(level, level, words);
    const worst = (level: number, words: number) => tierRelevance(level, level * 0.01, words);
    expect(best(3, 3)).toBeLessThan(EXACT_RELEVANCE);
    expect(worst(3, 3)).toBeGreaterThan(best(2, 3));
    expect(worst(2, 3)).toBeGreaterThan(best(1, 3));
    expect(worst(1, 3)).toBeGreaterThan(0);
  });

  it('is what the matcher computes incrementally for full matches', () => {
    for (const words of [1, 2, 5]) {
      const { base, slope } = fullMatchRelevance(words);
      expect(base + slope * (words * 0.7)).toBeCloseTo(tierRelevance(words, words * 0.7, words), 12);
    }
  });
});
