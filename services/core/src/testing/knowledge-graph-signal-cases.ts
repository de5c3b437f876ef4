import { expect, it } from 'vitest';
import { teamIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { RatingRecord, SloCheckRecord, UsageRecord } from '../ports/signal-graph.js';

const A = 'https://signals.test/products/a';
const B = 'https://signals.test/products/b';
const ops = teamIri('ops');
const web = teamIri('web');

const use = (product: string, consumer: string, at: string, count = 1, port?: string): UsageRecord => ({
  key: `${product} ${consumer} ${port ?? ''} ${at}`,
  product,
  consumer,
  at,
  count,
  ...(port && { port }),
});
const check = (product: string, guarantee: string, at: string, passed: boolean): SloCheckRecord => ({ key: `${product} ${guarantee} ${at}`, product, guarantee, at, passed });
const rating = (consumer: string, stars: RatingRecord['stars'], at: string, comment?: string): RatingRecord => ({ product: A, consumer, team: consumer, stars, at, ...(comment && { comment }) });

/**
 * The signals half of the KnowledgeGraph contract (ADR 0010): usage, ratings and SLO checks are
 * stored once however often they are sent, summed per consumer, one current rating per consumer
 * with the times of all of them, and checks read back from a given instant.
 */
export function signalCases(graph: () => KnowledgeGraph): void {
  it('sums usage per consumer, storing each report once however often it is sent', async () => {
    const reports = [use(A, ops, '2026-03-01T10:00:00.000Z', 3), use(A, ops, '2026-03-05T10:00:00.000Z', 2, 'table'), use(A, web, '2026-03-02T10:00:00.000Z')];
    expect(await graph().recordUsage(reports)).toEqual(['stored', 'stored', 'stored']);
    expect(await graph().recordUsage([reports[0] as UsageRecord, use(B, ops, '2026-03-03T10:00:00.000Z')])).toEqual(['duplicate', 'stored']);
    expect(await graph().recordUsage([reports[1] as UsageRecord, reports[1] as UsageRecord])).toEqual(['duplicate', 'duplicate']);
    const [a, b] = await graph().readSignals([A, B], '2026-01-01T00:00:00.000Z');
    expect(a?.consumers).toEqual([
      { consumer: ops, firstUsedAt: '2026-03-01T10:00:00.000Z', lastUsedAt: '2026-03-05T10:00:00.000Z', uses: 5 },
      { consumer: web, firstUsedAt: '2026-03-02T10:00:00.000Z', lastUsedAt: '2026-03-02T10:00:00.000Z', uses: 1 },
    ]);
    expect(b?.consumers.map((c) => c.consumer)).toEqual([ops]);
  });

  it('reads the individual usage reports of some products from an instant on, by product, time and key', async () => {
    const C = 'https://signals.test/products/c';
    const reports = [
      use(B, web, '2026-03-04T10:00:00.000Z', 7, 'table'),
      use(A, web, '2026-03-02T10:00:00.000Z'),
      use(A, ops, '2026-03-02T10:00:00.000Z', 4),
      use(A, ops, '2026-02-01T10:00:00.000Z', 9),
      use(C, ops, '2026-03-03T10:00:00.000Z'),
    ];
    await graph().recordUsage(reports);
    await graph().recordUsage([reports[0] as UsageRecord]);
    const [b, aWeb, aOps] = reports as [UsageRecord, UsageRecord, UsageRecord];
    // A's two reports at one instant come in key order; the report before `since` and C stay out.
    const expected = [aOps, aWeb].sort((x, y) => (x.key < y.key ? -1 : 1));
    expect(await graph().readUsageReports([B, A, `${A}/unknown`], '2026-03-01T00:00:00.000Z')).toEqual([...expected, b]);
    expect(await graph().readUsageReports([A], '2026-03-02T10:00:00.000Z')).toEqual(expected);
    expect(await graph().readUsageReports([A], '2026-03-02T10:00:00.001Z')).toEqual([]);
    expect(await graph().readUsageReports([], '2026-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('keeps one current rating per consumer and the time of every rating given', async () => {
    expect(await graph().putRating(rating(ops, 2, '2026-03-01T10:00:00.000Z'))).toBe('stored');
    expect(await graph().putRating(rating(ops, 2, '2026-03-01T11:00:00.000Z'))).toBe('duplicate');
    expect(await graph().putRating(rating(ops, 5, '2026-03-02T10:00:00.000Z', 'fixed the gaps'))).toBe('updated');
    expect(await graph().putRating(rating(web, 4, '2026-03-03T10:00:00.000Z'))).toBe('stored');
    const [a] = await graph().readSignals([A], '2026-01-01T00:00:00.000Z');
    expect(a?.ratings).toEqual([
      { product: A, consumer: ops, team: ops, stars: 5, comment: 'fixed the gaps', at: '2026-03-02T10:00:00.000Z' },
      { product: A, consumer: web, team: web, stars: 4, at: '2026-03-03T10:00:00.000Z' },
    ]);
    expect(a?.ratingTimes).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z']);
  });

  it('stores each SLO check once and reads the checks from an instant on, oldest first', async () => {
    const checks = [check(A, 'table/freshness', '2026-03-02T00:00:00.000Z', false), check(A, 'table/freshness', '2026-03-01T00:00:00.000Z', true), check(A, 'completeness', '2026-02-01T00:00:00.000Z', true)];
    expect(await graph().recordSloChecks(checks)).toEqual(['stored', 'stored', 'stored']);
    expect(await graph().recordSloChecks([checks[0] as SloCheckRecord])).toEqual(['duplicate']);
    const [a] = await graph().readSignals(undefined, '2026-02-15T00:00:00.000Z');
    expect(a?.checks).toEqual([
      { guarantee: 'table/freshness', passed: true, at: '2026-03-01T00:00:00.000Z' },
      { guarantee: 'table/freshness', passed: false, at: '2026-03-02T00:00:00.000Z' },
    ]);
    expect(await graph().readSignals([B], '2026-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('loses no use when 100 reports of one consumer arrive at once (perf-reliability.md F8)', async () => {
    const at = (i: number) => `2026-03-01T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => graph().recordUsage([use(A, ops, at(i), 2)])));
    expect(results.flat().every((r) => r === 'stored')).toBe(true);
    const [a] = await graph().readSignals([A], '2026-01-01T00:00:00.000Z');
    expect(a?.consumers).toEqual([{ consumer: ops, firstUsedAt: at(0), lastUsedAt: at(99), uses: 200 }]);
  });
}
