import { describe, expect, it } from 'vitest';
import { EXACT_NOTE, rerank, SUCCESSOR_NOTE } from './rerank.js';

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

  it('puts a deprecated product right below its successor, unless the query names it', () => {
    const deprecated = { factors: [factor(0.25)], successor: 'new' };
    const candidates = [
      { id: 'old', relevance: 0.9 },
      { id: 'other', relevance: 0.4 },
      { id: 'new', relevance: 0.3 },
      { id: 'weak', relevance: 0.2 },
    ];
    const out = rerank(candidates, new Map([['old', deprecated]]));
    expect(out.map((r) => r.candidate.id)).toEqual(['other', 'new', 'old', 'weak']);
    expect(out[2]?.notes).toContain(SUCCESSOR_NOTE);
    // Its score is its own: only its place moves.
    expect(out[2]?.score).toBeCloseTo(0.81 * 0.25);
    const named = rerank([{ ...candidates[0]!, exactName: true }, ...candidates.slice(1)], new Map([['old', deprecated]]));
    expect(named.map((r) => r.candidate.id)).toEqual(['old', 'other', 'new', 'weak']);
    // A successor that is not a hit, or already above, changes nothing.
    expect(rerank(candidates.filter((c) => c.id !== 'new'), new Map([['old', deprecated]])).map((r) => r.candidate.id)).toEqual(['old', 'other', 'weak']);
    expect(rerank(candidates, new Map([['weak', { factors: [], successor: 'other' }]])).map((r) => r.candidate.id)).toEqual(['old', 'other', 'new', 'weak']);
  });

  it('moves each deprecated hit once, even when two name each other as successor', () => {
    const out = rerank(
      [
        { id: 'a', relevance: 0.9 },
        { id: 'b', relevance: 0.8 },
      ],
      new Map([
        ['a', { factors: [], successor: 'b' }],
        ['b', { factors: [], successor: 'a' }],
      ]),
    );
    expect(out.map((r) => r.candidate.id).sort()).toEqual(['a', 'b']);
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
