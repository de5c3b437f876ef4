import { describe, expect, it } from 'vitest';
import { parseDescriptor, teamIri } from '@quanta/model';
import type { LineageConsumer } from '../ports/lineage-graph.js';
import type { UsageRecord } from '../ports/signal-graph.js';
import { declaredGuarantees, productUsage, type ProductUsageInput, weekBuckets } from './product-usage.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const P = 'https://u.example/products/orders';
const Q = 'https://u.example/products/campaigns';
const [sales, finance, growth, support, analytics, ops] = ['sales', 'finance', 'growth', 'support', 'analytics', 'ops'].map(teamIri) as [string, string, string, string, string, string];
const DOMAINS: Record<string, string> = { [finance]: 'finance', [analytics]: 'marketing', [growth]: 'marketing', [Q]: 'marketing' };
const context = { domainOf: (c: string) => DOMAINS[c] ?? 'unknown', defaultTarget: 0.95 };

const report = (consumer: string, atMs: number, count = 1): UsageRecord => ({ key: `${consumer} ${atMs}`, product: P, consumer, at: ago(atMs), count });
const lineage = (consumer: string, kind: LineageConsumer['kind'], atMs: number): LineageConsumer => ({ consumer, kind, job: 'urn:job', dataset: 'urn:dataset', lastUsedAt: ago(atMs) });
const checks = (guarantee: string, n: number, failed: number) => Array.from({ length: n }, (_, i) => ({ guarantee, passed: i !== failed, at: ago((i + 1) * HOUR) }));

const input: ProductUsageInput = {
  product: { iri: P, name: 'orders', domain: 'orders', owner: 'sales' },
  ownerTeam: sales,
  guarantees: [{ name: 'table/freshness', target: 0.99 }, { name: 'table/completeness' }, { name: 'api/latency' }],
  reports: [
    report(growth, 35 * DAY),
    report(finance, 40 * DAY),
    report(analytics, 20 * DAY, 3),
    report(finance, 10 * DAY, 2),
    report(finance, 3 * DAY, 5),
    report(sales, 2 * DAY, 100),
    report(support, 1 * DAY),
  ],
  signals: {
    product: P,
    consumers: [
      { consumer: analytics, firstUsedAt: ago(20 * DAY), lastUsedAt: ago(20 * DAY), uses: 3 },
      { consumer: finance, firstUsedAt: ago(40 * DAY), lastUsedAt: ago(3 * DAY), uses: 8 },
      { consumer: growth, firstUsedAt: ago(35 * DAY), lastUsedAt: ago(35 * DAY), uses: 1 },
      { consumer: sales, firstUsedAt: ago(2 * DAY), lastUsedAt: ago(2 * DAY), uses: 100 },
      { consumer: support, firstUsedAt: ago(1 * DAY), lastUsedAt: ago(1 * DAY), uses: 1 },
    ],
    ratings: [5, 4, 3].map((stars, i) => ({ product: P, consumer: [finance, support, analytics][i] as string, team: 't', stars: stars as 5 | 4 | 3, at: ago(DAY) })),
    ratingTimes: [],
    checks: [...checks('table/freshness', 10, 0), ...checks('table/completeness', 20, 3), { guarantee: 'table/completeness', passed: false, at: ago(30 * DAY) }],
  },
  lineage: [lineage(Q, 'DataProduct', 5 * DAY), lineage(P, 'DataProduct', DAY), lineage('urn:job', 'Job', DAY), lineage(ops, 'Team', 50 * DAY), lineage(teamIri('old'), 'Team', 70 * DAY)],
  factors: [
    { name: 'usage', value: 1.1, reason: 'used' },
    { name: 'rating', value: 1.05, reason: 'rated' },
    { name: 'slo', value: 0.9, reason: 'burned' },
  ],
};

describe('productUsage', () => {
  const usage = productUsage(input, { days: 28, now: NOW }, context);

  it('counts consumers in the window by domain, without the owner team or the product itself', () => {
    expect(usage.consumers.total).toBe(4);
    expect(usage.consumers.byDomain).toEqual([
      { domain: 'marketing', consumers: 2 },
      { domain: 'finance', consumers: 1 },
      { domain: 'unknown', consumers: 1 },
    ]);
    expect(usage.reads).toBe(11);
  });

  it('finds new consumers by their first recorded use, and lost ones by the window before', () => {
    // Q is in the window through lineage only: its first use is unknown, so it is not new.
    expect(usage.consumers.new).toEqual([analytics, support]);
    expect(usage.consumers.lost).toEqual([growth, ops]);
  });

  it('buckets the window by week, oldest first, the last ending now', () => {
    expect(usage.trend).toEqual([
      { from: ago(28 * DAY), to: ago(21 * DAY), consumers: 0, reads: 0, byDomain: [] },
      { from: ago(21 * DAY), to: ago(14 * DAY), consumers: 1, reads: 3, byDomain: [{ domain: 'marketing', consumers: 1 }] },
      { from: ago(14 * DAY), to: ago(7 * DAY), consumers: 1, reads: 2, byDomain: [{ domain: 'finance', consumers: 1 }] },
      {
        from: ago(7 * DAY),
        to: ago(0),
        consumers: 3,
        reads: 6,
        byDomain: [
          { domain: 'finance', consumers: 1 },
          { domain: 'marketing', consumers: 1 },
          { domain: 'unknown', consumers: 1 },
        ],
      },
    ]);
  });

  it('reports current ratings and compliance per guarantee over the window and week by week, with the ranking factors', () => {
    expect(usage.satisfaction).toEqual({ ratings: 3, meanStars: 4, factor: { name: 'rating', value: 1.05, reason: 'rated' } });
    // Every check of the example falls in the last week; the failed one 30 days ago is outside the window.
    const weeks = (last: { checks: number; passed: number; compliance?: number }) =>
      usage.trend.map((b, i) => ({ from: b.from, to: b.to, ...(i === usage.trend.length - 1 ? last : { checks: 0, passed: 0 }) }));
    expect(usage.slo).toEqual({
      guarantees: [
        { name: 'table/freshness', target: 0.99, checks: 10, passed: 9, compliance: 0.9, met: false, trend: weeks({ checks: 10, passed: 9, compliance: 0.9 }) },
        { name: 'table/completeness', target: 0.95, checks: 20, passed: 19, compliance: 0.95, met: true, trend: weeks({ checks: 20, passed: 19, compliance: 0.95 }) },
        { name: 'api/latency', target: 0.95, checks: 0, passed: 0, trend: weeks({ checks: 0, passed: 0 }) },
      ],
      factor: { name: 'slo', value: 0.9, reason: 'burned' },
    });
  });

  it('puts a use on a week boundary in the later week, and one at the window start inside it', () => {
    const edges = productUsage({ ...input, reports: [report(finance, 28 * DAY), report(support, 7 * DAY), report(growth, 28 * DAY + 1)], lineage: [] }, { days: 28, now: NOW }, context);
    expect(edges.trend.map((b) => b.consumers)).toEqual([1, 0, 0, 1]);
    expect(edges.consumers.lost).toEqual([growth]);
  });

  it('omits what it does not know: no signals, no feedback', () => {
    const bare = productUsage({ product: input.product, ownerTeam: sales, guarantees: [], reports: [], lineage: [] }, { days: 7, now: NOW }, context);
    expect(bare).toEqual({
      product: input.product,
      consumers: { total: 0, byDomain: [], new: [], lost: [] },
      reads: 0,
      trend: [{ from: ago(7 * DAY), to: ago(0), consumers: 0, reads: 0, byDomain: [] }],
      satisfaction: { ratings: 0 },
      slo: { guarantees: [] },
    });
  });
});

describe('weekBuckets', () => {
  it('covers exactly the window, the oldest bucket shorter when it is not whole weeks', () => {
    const iso = (b: { from: number; to: number }) => [new Date(b.from).toISOString(), new Date(b.to).toISOString()];
    expect(weekBuckets({ days: 30, now: NOW }).map(iso)).toEqual([
      [ago(30 * DAY), ago(28 * DAY)],
      [ago(28 * DAY), ago(21 * DAY)],
      [ago(21 * DAY), ago(14 * DAY)],
      [ago(14 * DAY), ago(7 * DAY)],
      [ago(7 * DAY), ago(0)],
    ]);
    expect(weekBuckets({ days: 3, now: NOW }).map(iso)).toEqual([[ago(3 * DAY), ago(0)]]);
  });
});

describe('declaredGuarantees', () => {
  it('names each SLO <port>/<metric>, with its target when declared', () => {
    const d = parseDescriptor({
      id: P,
      name: 'orders',
      domain: 'orders',
      owner: { team: 'sales' },
      outputPorts: [
        { name: 'table', kind: 'table', slos: [{ metric: 'freshness', objective: '<= 1 h', target: 0.99 }, { metric: 'completeness', objective: '>= 99 %' }] },
        { name: 'api', kind: 'api' },
      ],
    });
    expect(declaredGuarantees(d)).toEqual([{ name: 'table/freshness', target: 0.99 }, { name: 'table/completeness' }]);
  });
});
