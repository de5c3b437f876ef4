import { describe, expect, it } from 'vitest';
import { NO_MATCH } from '../terms/fuzzy-walker.js';
import { allowedTypos, matchQuality } from './match-quality.js';

describe('allowedTypos', () => {
  it('allows none under 5 letters, one from 5, two from 9 (Meilisearch defaults)', () => {
    expect(['play', 'plays', 'listener', 'listeners', 'demographics'].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('matchQuality', () => {
  it('ranks the word itself, then a typo-free prefix, then fewer typos', () => {
    const exact = matchQuality(0, 0);
    const prefix = matchQuality(NO_MATCH, 0);
    const oneTypo = matchQuality(1, NO_MATCH);
    const prefixWithTypo = matchQuality(NO_MATCH, 1);
    const twoTypos = matchQuality(2, NO_MATCH);
    expect(exact).toBe(1);
    expect([exact, prefix, oneTypo, prefixWithTypo, twoTypos]).toEqual([...[exact, prefix, oneTypo, prefixWithTypo, twoTypos]].sort((a, b) => b - a));
    expect(twoTypos).toBeGreaterThan(0);
    expect(matchQuality(NO_MATCH, NO_MATCH)).toBe(0);
  });

  it('takes the better of the whole-word and prefix readings', () => {
    expect(matchQuality(1, 0)).toBe(matchQuality(NO_MATCH, 0));
  });
});
