import { describe, expect, it } from 'vitest';
import type { HitView } from '@/lib/gateway/types';
import { groupHits, isExploration, topReasons } from './group-hits';

const hit = (iri: string, canonical?: string, extra: Partial<HitView> = {}): HitView => ({
  product: {
    iri,
    title: iri,
    status: 'active',
    domain: { name: 'd' },
    owner: { name: 'o' },
    description: null,
    tags: [],
    usage: null,
    ratings: [],
    sloStatus: [],
    duplicateGroup: canonical ? { canonical: { iri: canonical } } : null,
  },
  relevance: 1,
  multiplier: 1,
  score: 1,
  factors: [],
  notes: [],
  ...extra,
});

describe('groupHits', () => {
  it('folds duplicates under their canonical when it is among the hits, keeping the ranked order', () => {
    const groups = groupHits([hit('copy-a', 'main'), hit('main', 'main'), hit('other'), hit('copy-b', 'main')]);
    expect(groups.map((g) => [g.hit.product.iri, g.similar.map((s) => s.product.iri)])).toEqual([
      ['main', ['copy-a', 'copy-b']],
      ['other', []],
    ]);
  });

  it('leaves a duplicate where it ranked when its canonical did not match', () => {
    expect(groupHits([hit('copy-a', 'main'), hit('other')]).map((g) => g.hit.product.iri)).toEqual(['copy-a', 'other']);
  });
});

describe('result card explanations', () => {
  it('names the factors that moved a hit most, strongest first, leaving neutral ones out', () => {
    const h = hit('x', undefined, {
      factors: [
        { name: 'usage', value: 1.2, reason: 'used' },
        { name: 'slo', value: 0.5, reason: 'breached' },
        { name: 'new', value: 1.0, reason: 'neutral' },
        { name: 'rating', value: 1.05, reason: 'rated' },
      ],
    });
    expect(topReasons(h).map((f) => f.name)).toEqual(['slo', 'usage']);
  });

  it('recognises the exploration slot by the ranking note', () => {
    expect(isExploration(hit('x', undefined, { notes: ['exploration slot: placed here at random, to learn whether searchers want this new product'] }))).toBe(true);
    expect(isExploration(hit('x'))).toBe(false);
  });
});
