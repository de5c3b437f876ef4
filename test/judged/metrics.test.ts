import { describe, expect, it } from 'vitest';
import { fitnessDecisions, intrudes, ndcg } from './metrics.js';

const grades = (g: Record<string, number>) => (p: string) => g[p] ?? 0;

describe('judged-set metrics', () => {
  it('scores an ideal order 1 and a reversed one below it', () => {
    const g = grades({ a: 3, b: 1 });
    expect(ndcg(['a', 'b'], g, ['a', 'b'])).toBe(1);
    expect(ndcg(['b', 'a'], g, ['a', 'b'])).toBeLessThan(1);
    expect(ndcg(['x'], grades({}), [])).toBeNaN();
  });

  it('flags an irrelevant hit above a relevant one in the top 3', () => {
    expect(intrudes(['x', 'a'], grades({ a: 2 }))).toBe(true);
    expect(intrudes(['a', 'x'], grades({ a: 2 }))).toBe(false);
  });

  it('counts only the pairs equally on topic and unequally fit, and which way round a list puts them', () => {
    const topical = grades({ good: 2, copy: 2, other: 1, missing: 2 });
    const fitness = grades({ good: 3, copy: 1, other: 1, missing: 2 });
    // Pairs: good>copy, good>missing, missing>copy; 'other' has its own topical grade.
    const judged = ['good', 'copy', 'other', 'missing'];
    expect(fitnessDecisions(['copy', 'good', 'other'], topical, fitness, judged)).toEqual({ judged: 3, listed: 1, fitterFirst: 0 });
    expect(fitnessDecisions(['good', 'other', 'copy', 'missing'], topical, fitness, judged)).toEqual({ judged: 3, listed: 3, fitterFirst: 2 });
    // Two products off topic are no decision, whatever their fitness grades say.
    expect(fitnessDecisions(['x', 'y'], grades({}), grades({ x: 1 }), ['x', 'y'])).toEqual({ judged: 0, listed: 0, fitterFirst: 0 });
  });
});
