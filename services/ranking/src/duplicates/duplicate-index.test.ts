import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_PARAMS as P, type RankingParams } from '../params.js';
import { background, concept, DAILY_SALES, ORDERS, ORDERS_COPY, PAYROLL, testFeatures, WEATHER } from '../testing/duplicates.js';
import { syntheticMesh } from '../testing/mesh.js';
import { DuplicateIndex } from './duplicate-index.js';
import type { DuplicateFeatures } from './features.js';
import type { PairScore } from './pair-score.js';

const indexOf = (features: readonly DuplicateFeatures[], params: RankingParams = P): DuplicateIndex => {
  const index = new DuplicateIndex(params);
  for (const f of features) index.upsert(f);
  return index;
};
const key = (p: PairScore) => `${p.a} ${p.b}`;

describe('DuplicateIndex', () => {
  it('adds, replaces and forgets products', () => {
    const index = indexOf([ORDERS, ORDERS_COPY]);
    expect(index.size).toBe(2);
    index.upsert({ ...ORDERS_COPY, columns: WEATHER.columns, concepts: [], upstreams: [] });
    expect(index.size).toBe(2);
    expect(index.pairsOf(ORDERS.id)).toEqual([]);
    index.remove(ORDERS_COPY.id);
    index.remove('https://example.com/products/unknown');
    expect(index.has(ORDERS_COPY.id)).toBe(false);
    expect(index.has(ORDERS.id)).toBe(true);
    expect(index.size).toBe(1);
    expect(index.candidatesOf(ORDERS_COPY.id)).toEqual([]);
    expect(index.score(ORDERS.id, ORDERS_COPY.id)).toBeUndefined();
  });

  it('finds candidates by similar columns, a shared upstream or a shared concept, never itself', () => {
    const columnsOnly = testFeatures('orders-export', { fields: ORDERS.columns.map((c) => [c.token, c.type === 'temporal' ? 'date' : c.type] as const) });
    const sameSource = testFeatures('refunds', { fields: [['refund_id', 'string']], upstreams: ['dataset:postgres://shop:raw.orders'] });
    const sameConcept = testFeatures('order-glossary', { fields: [['term', 'string']], concepts: [concept('Order')] });
    const index = indexOf([ORDERS, columnsOnly, sameSource, sameConcept, WEATHER, PAYROLL]);
    expect(index.candidatesOf(ORDERS.id)).toEqual([sameConcept.id, columnsOnly.id, sameSource.id].sort());
  });

  it('meets products that read it through its own product ref', () => {
    const index = indexOf([ORDERS, DAILY_SALES]);
    expect(index.candidatesOf(DAILY_SALES.id)).toEqual([ORDERS.id]);
  });

  it('skips blocks larger than the cap', () => {
    const small: RankingParams = { ...P, duplicates: { ...P.duplicates, blockCap: 3 } };
    const sharing = (n: number) => Array.from({ length: n }, (_, i) => testFeatures(`p${i}`, { fields: [[`only_p${i}_column`, 'string']], concepts: [concept('Everything')] }));
    expect(indexOf(sharing(3), small).candidatesOf(sharing(1)[0]!.id)).toHaveLength(2);
    expect(indexOf(sharing(4), small).candidatesOf(sharing(1)[0]!.id)).toEqual([]);
  });

  it('keeps IDF current: after removals a pair scores as in a fresh index of what is left', () => {
    const grown = indexOf([...background(20), ORDERS, ORDERS_COPY, DAILY_SALES]);
    const before = grown.score(ORDERS.id, ORDERS_COPY.id);
    for (const f of background(20)) grown.remove(f.id);
    const after = grown.score(ORDERS.id, ORDERS_COPY.id);
    expect(after).not.toEqual(before);
    expect(after).toEqual(indexOf([ORDERS, ORDERS_COPY, DAILY_SALES]).score(ORDERS.id, ORDERS_COPY.id));
  });

  describe('on a synthetic mesh', () => {
    const mesh = syntheticMesh({ products: 400, domains: 3, copies: 0.15, seed: 11 });
    const index = indexOf(mesh);
    const pairs = index.allPairs();

    it('lists each unordered pair once, sorted, all likely or possible', () => {
      expect(pairs.length).toBeGreaterThan(20);
      expect(new Set(pairs.map(key)).size).toBe(pairs.length);
      expect(pairs.map(key)).toEqual(pairs.map(key).sort());
      expect(pairs.every((p) => p.a < p.b && p.band !== 'none')).toBe(true);
    });

    it('prunes nothing it should keep: the same pairs as scoring every candidate pair exactly', () => {
      const exact: PairScore[] = [];
      for (const f of mesh) {
        for (const other of index.candidatesOf(f.id)) {
          const s = other > f.id ? index.score(f.id, other) : undefined;
          if (s && s.band !== 'none') exact.push(s);
        }
      }
      expect(pairs).toEqual(exact.sort((x, y) => (key(x) < key(y) ? -1 : 1)));
    });

    it('misses no likely duplicate that exhaustive scoring of all pairs finds', () => {
      const found = new Set(pairs.map(key));
      const sample = mesh.slice(0, 150);
      for (const f of sample) {
        for (const g of sample) {
          if (g.id <= f.id) continue;
          const s = index.score(f.id, g.id);
          if (s?.band === 'likely') expect(found.has(key(s)), key(s)).toBe(true);
        }
      }
    });

    it('gives pairsOf the pairs of allPairs that involve the product, highest score first', () => {
      for (const f of mesh.slice(0, 60)) {
        const mine = index.pairsOf(f.id);
        expect(mine.map(key).sort()).toEqual(pairs.filter((p) => p.a === f.id || p.b === f.id).map(key));
        for (let i = 1; i < mine.length; i++) expect(mine[i - 1]!.score).toBeGreaterThanOrEqual(mine[i]!.score);
      }
    });
  });
});
