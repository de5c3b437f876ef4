import { describe, expect, it } from 'vitest';
import { SLOT_NOTE, withExplorationSlot } from './exploration-slot.js';
import { rerank } from './rerank.js';

const ranked = rerank(
  ['a', 'b', 'c', 'd', 'new-good', 'new-weak'].map((id, i) => ({ id, relevance: id === 'new-weak' ? 0.3 : 1 - i * 0.02 })),
  new Map(),
);
const explores = (c: { id: string }) => c.id.startsWith('new');
const sequence = (...values: number[]) => () => values.shift() ?? 0;

describe('the exploration slot', () => {
  it('puts a strong-enough exploring product at position 3 when the coin says so, noted, with its propensity', () => {
    const { ranked: out, placed } = withExplorationSlot(ranked, explores, sequence(0.05, 0));
    expect(out.map((r) => r.candidate.id)).toEqual(['a', 'b', 'new-good', 'c', 'd', 'new-weak']);
    expect(out[2]?.notes).toContain(SLOT_NOTE);
    expect(placed).toEqual({ id: 'new-good', propensity: 0.1 });
  });

  it('leaves the page alone nine times in ten, and never slots a weak text match', () => {
    expect(withExplorationSlot(ranked, explores, sequence(0.5)).ranked).toEqual(ranked);
    const onlyWeak = (c: { id: string }) => c.id === 'new-weak';
    expect(withExplorationSlot(ranked, onlyWeak, sequence(0.01, 0)).placed).toBeUndefined();
  });

  it('does not move what already sits in the top two', () => {
    const top = (c: { id: string }) => c.id === 'a';
    expect(withExplorationSlot(ranked, top, sequence(0.01, 0)).placed).toBeUndefined();
  });
});
