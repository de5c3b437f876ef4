import { describe, expect, it } from 'vitest';
import { duplicateGroups } from './groups.js';
import type { PairScore } from './pair-score.js';

/** A scored pair; the band follows the score, as with two kinds of strong evidence. */
const pair = (a: string, b: string, score: number): PairScore => ({
  a,
  b,
  score,
  band: score >= 0.8 ? 'likely' : score >= 0.65 ? 'possible' : 'none',
  evidence: { schema: score, contain: score, text: score, matchedColumns: 0, sharedUpstreams: [], sharedConcepts: [] },
});
const members = (pairs: PairScore[]) => duplicateGroups(pairs).map((g) => g.members);

describe('duplicateGroups (§B.4.1)', () => {
  it('groups the likely pairs’ connected components, ignoring possible ones', () => {
    const groups = duplicateGroups([pair('b', 'c', 0.9), pair('a', 'b', 0.85), pair('a', 'c', 0.82), pair('x', 'y', 0.95), pair('c', 'x', 0.7)]);
    expect(groups.map((g) => g.members)).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
    expect(groups[0]?.averageScore).toBeCloseTo((0.9 + 0.85 + 0.82) / 3, 12);
    expect(groups[0]?.pairs.map((p) => `${p.a}${p.b}`)).toEqual(['ab', 'ac', 'bc']);
    expect(groups[1]?.averageScore).toBe(0.95);
  });

  it('splits a chain A–B–C whose ends are unrelated (A–C 0.3): complete link keeps the closest pair', () => {
    // Average (0.86 + 0.85 + 0.3) / 3 = 0.67 < 0.70.
    const groups = duplicateGroups([pair('a', 'b', 0.86), pair('b', 'c', 0.85), pair('a', 'c', 0.3)]);
    expect(groups.map((g) => g.members)).toEqual([['a', 'b']]);
    expect(groups[0]?.averageScore).toBe(0.86);
    expect(groups[0]?.pairs).toHaveLength(1);
  });

  it('counts an unscored pair as 0: a long chain splits into its likely cliques', () => {
    // a–b–c–d–e and nothing else scored: average (0.90 + 0.91 + 0.92 + 0.93) / 10 = 0.37. The
    // strongest link d–e merges first; c can no longer join (c–e unscored), so b–c is next, and a
    // stays alone.
    const chain = [pair('a', 'b', 0.9), pair('b', 'c', 0.91), pair('c', 'd', 0.92), pair('d', 'e', 0.93)];
    expect(members(chain)).toEqual([
      ['b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('keeps a component whole when its average holds, even with a weak pair inside', () => {
    // Four members, five strong pairs and one missing: (5·0.9 + 0) / 6 = 0.75 ≥ 0.70.
    const pairs = [pair('a', 'b', 0.9), pair('a', 'c', 0.9), pair('a', 'd', 0.9), pair('b', 'c', 0.9), pair('b', 'd', 0.9)];
    const [g] = duplicateGroups(pairs);
    expect(g?.members).toEqual(['a', 'b', 'c', 'd']);
    expect(g?.averageScore).toBeCloseTo(0.75, 12);
  });

  it('is deterministic: input order and repeated pairs do not change the groups', () => {
    const pairs = [pair('a', 'b', 0.86), pair('b', 'c', 0.85), pair('a', 'c', 0.3), pair('q', 'p', 0.88)];
    const once = duplicateGroups(pairs);
    expect(duplicateGroups([...pairs].reverse())).toEqual(once);
    expect(duplicateGroups([...pairs, pair('a', 'b', 0.86)])).toEqual(once);
    expect(once.map((g) => g.members)).toEqual([
      ['a', 'b'],
      ['p', 'q'],
    ]);
  });

  it('forms no group from possible or unrelated pairs', () => {
    expect(duplicateGroups([pair('a', 'b', 0.79), pair('c', 'd', 0.2)])).toEqual([]);
    expect(duplicateGroups([{ ...pair('a', 'b', 0.9), band: 'possible' }])).toEqual([]);
  });
});
