import { describe, expect, it } from 'vitest';
import { EXACT_NOTE, rerank } from './rerank.js';

const factor = (value: number) => ({ name: 'usage', value, reason: 'test' });

describe('rerank', () => {
  it('scores relevance^alpha when there is no feedback, keeping engine order on ties', () => {
    const out = rerank(
      [
        { id: 'a', relevance: 0.5 },
        { id: 'b', relevance: 0.9 },
        { id: 'c', relevance: 0.5 },
      ],
      new Map(),
    );
    expect(out.map((r) => r.candidate.id)).toEqual(['b', 'a', 'c']);
    expect(out[0]?.score).toBeCloseTo(0.81);
    expect(out.every((r) => r.multiplier === 1)).toBe(true);
    expect(out[0]?.notes).toContain('no feedback signals yet: ranked by text relevance');
  });

  it('ranks a product the query names exactly first, whatever its feedback', () => {
    const out = rerank(
      [
        { id: 'twin', relevance: 0.95 },
        { id: 'named', relevance: 0.9, exactName: true },
      ],
      new Map([
        ['twin', { factors: [factor(2)] }],
        ['named', { factors: [factor(0.25)] }],
      ]),
    );
    expect(out.map((r) => r.candidate.id)).toEqual(['named', 'twin']);
    expect(out[0]?.notes).toContain(EXACT_NOTE);
    expect(out[1]?.notes).not.toContain(EXACT_NOTE);
  });

  it('multiplies in feedback and bounds the multiplier', () => {
    const out = rerank(
      [
        { id: 'a', relevance: 0.8 },
        { id: 'b', relevance: 0.8 },
      ],
      new Map([
        ['a', { factors: [factor(3), factor(2)] }],
        ['b', { factors: [factor(0.01)] }],
      ]),
    );
    expect(out[0]?.multiplier).toBe(2);
    expect(out[1]?.multiplier).toBe(0.25);
    expect(out[0]?.notes[0]).toMatch(/bounded/);
  });

  it('never boosts a weak text match above x1 (relevance gate)', () => {
    const out = rerank(
      [
        { id: 'strong', relevance: 1 },
        { id: 'weak', relevance: 0.3 },
      ],
      new Map([['weak', { factors: [factor(2)] }]]),
    );
    const weak = out.find((r) => r.candidate.id === 'weak');
    expect(weak?.multiplier).toBe(1);
    expect(weak?.notes).toContain('boosts not applied: weak text match for this query');
    expect(out[0]?.candidate.id).toBe('strong');
  });

  it('still applies penalties to weak matches', () => {
    const out = rerank(
      [
        { id: 'strong', relevance: 1 },
        { id: 'weak', relevance: 0.3 },
      ],
      new Map([['weak', { factors: [factor(0.5)] }]]),
    );
    expect(out.find((r) => r.candidate.id === 'weak')?.multiplier).toBe(0.5);
  });
});
