import { describe, expect, it } from 'vitest';
import { selectMinLevel } from './select-tier.js';

describe('selectMinLevel (matching strategy "last")', () => {
  it('keeps every word while enough documents match them all', () => {
    expect(selectMinLevel([0, 50, 30, 25], 3, 20)).toBe(3);
  });

  it('drops words from the end until enough documents match', () => {
    expect(selectMinLevel([0, 50, 30, 5], 3, 20)).toBe(2);
    expect(selectMinLevel([0, 50, 10, 5], 3, 20)).toBe(1);
  });

  it('never drops the first word, even when too few documents match it', () => {
    expect(selectMinLevel([0, 3, 1], 2, 20)).toBe(1);
    expect(selectMinLevel([0, 0], 1, 20)).toBe(1);
  });
});
