import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_PARAMS as P } from '../params.js';
import { chooseCanonical } from './canonical.js';

const group = (...qs: [string, number][]) => qs.map(([id, quality]) => ({ id, quality }));

describe('chooseCanonical (§B.4.2)', () => {
  it('takes the highest quality when there is no incumbent, ties to the smallest id', () => {
    expect(chooseCanonical(group(['a', 1.0], ['b', 1.2], ['c', 0.9]))).toEqual({ canonical: 'b', reason: 'b has the highest quality in the group (1.20)' });
    expect(chooseCanonical(group(['z', 1.1], ['m', 1.1])).canonical).toBe('m');
  });

  it('keeps the incumbent against a challenger less than 10% better', () => {
    expect(chooseCanonical(group(['old', 1.0], ['new', 1.09]), 'old')).toEqual({
      canonical: 'old',
      reason: "old stays canonical: new's quality 1.09 is not more than 10% above 1.00",
    });
    expect(chooseCanonical(group(['old', 1.0], ['new', 1.1]), 'old').canonical).toBe('old');
  });

  it('replaces the incumbent with a challenger more than 10% better', () => {
    expect(chooseCanonical(group(['old', 1.0], ['new', 1.11]), 'old')).toEqual({
      canonical: 'new',
      reason: 'new replaces old: its quality 1.11 is more than 10% above 1.00',
    });
  });

  it('keeps the incumbent that is best, and forgets one that left the group', () => {
    expect(chooseCanonical(group(['old', 1.3], ['new', 1.1]), 'old').reason).toBe('old stays canonical: it has the highest quality in the group (1.30)');
    expect(chooseCanonical(group(['a', 0.9], ['b', 0.8]), 'gone').canonical).toBe('a');
  });

  it('lets a pinned member win whatever its quality; a pin outside the group does nothing', () => {
    expect(chooseCanonical(group(['a', 0.5], ['b', 1.5]), 'b', 'a')).toEqual({ canonical: 'a', reason: 'a is pinned as canonical by its owners' });
    expect(chooseCanonical(group(['a', 0.5], ['b', 1.5]), undefined, 'elsewhere').canonical).toBe('b');
  });

  it('takes its hysteresis from the parameters', () => {
    const none = { ...P, duplicates: { ...P.duplicates, hysteresis: 0 } };
    expect(chooseCanonical(group(['old', 1.0], ['new', 1.01]), 'old', undefined, none).canonical).toBe('new');
  });

  it('refuses an empty group', () => {
    expect(() => chooseCanonical([])).toThrow(RangeError);
  });
});
