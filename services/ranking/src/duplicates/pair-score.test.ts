import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_PARAMS as P } from '../params.js';
import { background, DAILY_SALES, iri, ORDERS, ORDERS_COPY, PAYROLL, testFeatures, WEATHER } from '../testing/duplicates.js';
import { fuzzyMatches, matchedColumns, nameSimilarity } from './columns.js';
import { DuplicateCorpus } from './corpus.js';
import { DuplicateIndex } from './duplicate-index.js';
import type { DuplicateFeatures } from './features.js';
import { pairScore, type PairScore } from './pair-score.js';
import type { ColumnSignature } from './signature.js';

const col = (token: string, type: ColumnSignature['type'] = 'string'): ColumnSignature => ({ token, type });

describe('column matching', () => {
  it('measures name similarity as 1 − Levenshtein / longer length', () => {
    expect(nameSimilarity('shipping_address', 'shipping_adress')).toBeCloseTo(1 - 1 / 16, 12);
    expect(nameSimilarity('order_ts', 'order_tstamp')).toBeCloseTo(1 - 4 / 12, 12);
    expect(nameSimilarity('', '')).toBe(1);
  });

  it('matches at similarity 0.8 and above, within one type class only', () => {
    expect(fuzzyMatches([col('abcde')], [col('abcdx')])).toBe(1); // 1 − 1/5 = 0.8
    expect(fuzzyMatches([col('abcd')], [col('abcx')])).toBe(0); // 0.75
    expect(fuzzyMatches([col('abcde', 'number')], [col('abcdx', 'string')])).toBe(0);
  });

  it('pairs columns one to one, the most similar first', () => {
    // customer_name fits both right-hand names; greedy gives it the closer one and leaves
    // customer_nm to customer_nam, so both match.
    expect(fuzzyMatches([col('customer_nam'), col('customer_name')], [col('customer_name1'), col('customer_nm')])).toBe(2);
    expect(fuzzyMatches([col('customer_name'), col('customer_namex')], [col('customer_names')])).toBe(1);
  });

  it('counts exact signatures first, then fuzzy ones among the rest, each column once', () => {
    expect(matchedColumns([col('order_id', 'number'), col('order_idx', 'number'), col('status')], [col('order_id', 'number'), col('order_id', 'number'), col('statux')])).toBe(2);
  });
});

describe('pair score (§B.5)', () => {
  const index = new DuplicateIndex();
  for (const f of [...background(8), ORDERS, ORDERS_COPY, DAILY_SALES, WEATHER, PAYROLL]) index.upsert(f);
  const score = (a: DuplicateFeatures, b: DuplicateFeatures): PairScore => {
    const s = index.score(a.id, b.id);
    if (!s) throw new Error('unscored');
    return s;
  };
  // Smoothed IDF of a concept held by df of the 13 products.
  const idf = (df: number) => Math.log(14 / (1 + df)) + 1;

  it('calls a copy with renamed and extra columns from the same sources a likely duplicate', () => {
    const s = score(ORDERS_COPY, ORDERS);
    expect([s.a, s.b]).toEqual([ORDERS.id, ORDERS_COPY.id]);
    // All 8 of orders' columns match (six exactly, `OrderID` and `customerId` after normalising,
    // `shipping_adress` fuzzily); the copy adds loaded_at and batch_id.
    expect(s.evidence).toMatchObject({ matchedColumns: 8, contain: 1, lineage: 1 });
    expect(s.evidence.schema).toBeCloseTo(8 / (8 + 10 - 8), 12);
    // Concepts {Customer, Order, Sales} and {Order, Sales}: Order held by 2 products, Sales by 3, Customer by 1.
    expect(s.evidence.semantics).toBeCloseTo((idf(2) + idf(3)) / (idf(2) + idf(3) + idf(1)), 12);
    expect(s.evidence.sharedUpstreams).toEqual(['dataset:postgres://shop:raw.customers', 'dataset:postgres://shop:raw.orders']);
    expect(s.evidence.text).toBeGreaterThan(0.5);
    expect(s.score).toBeCloseTo(0.35 * 0.8 + 0.3 * 1 + 0.2 * (s.evidence.semantics as number) + 0.15 * s.evidence.text, 12);
    expect(s.score).toBeGreaterThanOrEqual(P.duplicates.likely);
    expect(s.band).toBe('likely');
    expect(s.reason).toBeUndefined();
  });

  it('calls an aggregate read from orders lineage, not duplication', () => {
    const s = score(ORDERS, DAILY_SALES);
    expect(s.evidence.contain).toBe(0.5); // total_amount and currency of daily-sales' four
    expect(s.band).toBe('none');
    expect(s.reason).toBe('orders is upstream of daily-sales: lineage, not duplication');
  });

  it('ignores two unrelated products that share only id and created_at', () => {
    const s = score(WEATHER, PAYROLL);
    expect(s.evidence).toMatchObject({ matchedColumns: 2, contain: 0.5, lineage: 0, text: 0, sharedUpstreams: [], sharedConcepts: [] });
    expect(s.evidence.semantics).toBeUndefined();
    // No concepts on either side: semantics is left out of the weights. (0.35·2/7 + 0.30·0 + 0.15·0) / 0.80
    expect(s.score).toBeCloseTo((0.35 * (2 / 7)) / 0.8, 12);
    expect(s.band).toBe('none');
  });

  it('adds the derivative bonus to a near-identity mirror read from the product', () => {
    const mirror = testFeatures('orders-mirror', {
      fields: ORDERS.columns.map((c) => [c.token, c.type === 'temporal' ? 'timestamp' : c.type] as const),
      description: 'Mirror of orders in the lake.',
      concepts: ORDERS.concepts,
      upstreams: [`product:${iri('orders')}`, ...ORDERS.upstreams],
    });
    const local = new DuplicateIndex();
    for (const f of [ORDERS, mirror, WEATHER]) local.upsert(f);
    const s = local.score(ORDERS.id, mirror.id);
    expect(s?.evidence.contain).toBe(1);
    expect(s?.evidence.lineage).toBeCloseTo(2 / 3 + P.duplicates.derivativeBonus, 12); // raw.orders and raw.customers of three
    expect(s?.evidence.semantics).toBe(1);
    expect(s?.band).toBe('likely');
  });

  it('calls a high score with only one kind of strong evidence possible, and says why', () => {
    const fields = [['event_id', 'string'], ['payload', 'json'], ['received_at', 'timestamp']] as const;
    const a = testFeatures('events-a', { fields, description: 'Raw click events from the web shop.' });
    const b = testFeatures('events-b', { fields, description: 'Raw click events from the web shop.' });
    const local = new DuplicateIndex();
    for (const f of [a, b, WEATHER]) local.upsert(f);
    const s = local.score(a.id, b.id);
    expect(s?.score).toBeGreaterThanOrEqual(0.8);
    expect(s?.band).toBe('possible');
    expect(s?.reason).toBe('scores 1.00 but only 1 of schema, lineage and semantics reach 0.60 (a likely duplicate needs 2)');
  });

  it('gives one pair the same score whichever side asks, and the same through pairScore on a corpus', () => {
    const s = score(ORDERS, ORDERS_COPY);
    expect(score(ORDERS_COPY, ORDERS)).toEqual(s);
    const corpus = new DuplicateCorpus();
    const prepared = [...background(8), ORDERS, ORDERS_COPY, DAILY_SALES, WEATHER, PAYROLL].map((f) => corpus.add(f));
    expect(corpus.size).toBe(13);
    expect(pairScore(prepared[8]!, prepared[9]!, corpus)).toEqual(s);
  });
});
