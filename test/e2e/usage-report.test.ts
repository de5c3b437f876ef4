import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// The usage report (issue 7) through the HTTP API, on a hand-built mesh whose answer is known.
// `orders` (team shop, domain sales) is read by team billing (home: finance) throughout, by the
// `campaigns` product (marketing) and team support (no products: unknown) for the first time this
// window, and by `ledger` (finance) through a lineage job; team growth and the `invoices` product
// used it only in the window before, so they are lost. The owner's own reads never count. Every
// time is a whole number of days before now, at least a day from a week boundary, so the weekly
// buckets are the same however long the run takes.
const BASE = 'https://e2e.example/usage';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const id = (name: string) => `${BASE}/${name}`;
const team = (slug: string) => `urn:quanta:team:${slug}`;
const dataset = (name: string) => ({ namespace: 'warehouse://e2e', name: `usage.${name}` });
const table = (name: string, slos: readonly object[]) => [{ name: 'table', kind: 'table', fields: [{ name: 'id', type: 'string' }], lineage: [dataset(name)], slos }];
const FRESHNESS = { metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' };
const COMPLETENESS = { metric: 'completeness', objective: '>= 99 % of rows', window: '28d' };
const product = (name: string, owner: string, domain: string, slos: readonly object[] = [FRESHNESS]) =>
  compliantDescriptor(BASE, name, { domain, owner: { team: owner }, outputPorts: table(name, slos) });

const MESH = [
  product('orders', 'shop', 'sales', [FRESHNESS, COMPLETENESS]),
  product('old-orders', 'shop', 'sales'),
  product('invoices', 'billing', 'finance'),
  product('ledger', 'billing', 'finance'),
  product('campaigns', 'growth', 'marketing'),
];

interface Bucket {
  from: string;
  to: string;
  consumers: number;
  reads: number;
  byDomain: { domain: string; consumers: number }[];
}
interface ProductUsage {
  product: { iri: string; name: string; domain: string; owner: string };
  consumers: { total: number; byDomain: { domain: string; consumers: number }[]; new: string[]; lost: string[] };
  reads: number;
  trend: Bucket[];
  satisfaction: { ratings: number; meanStars?: number; factor?: { name: string; value: number; reason: string } };
  slo: { guarantees: { name: string; target: number; checks: number; passed: number; compliance?: number; met?: boolean; trend: { from: string; checks: number; passed: number }[] }[]; factor?: { name: string; value: number } };
}
interface UsageReport {
  generatedAt: string;
  window: { days: number; from: string; to: string };
  filter: { owner?: string; domain?: string };
  products: ProductUsage[];
}

describe('usage report through the API', () => {
  let q: QuantaProcess;
  let now: number;
  const report = async (query = '') => {
    const res = await call<UsageReport>(q.url, 'GET', `/api/v1/reports/usage${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const usageOf = (body: UsageReport, name: string) => body.products.find((p) => p.product.name === name) as ProductUsage;
  const ago = (ms: number) => new Date(now - ms).toISOString();

  beforeAll(async () => {
    q = await startQuanta();
    now = Date.now();
    for (const d of MESH) expect((await call(q.url, 'PUT', '/api/v1/products', d)).status).toBe(201);
    expect((await call(q.url, 'DELETE', productPath(id('old-orders')))).status).toBe(200);
    const use = (consumer: string, days: number, count = 1) => ({ product: id('orders'), consumer, at: ago(days * DAY), count });
    const reports = [
      use('billing', 3, 10),
      use('billing', 10, 5),
      use('billing', 40),
      use(id('campaigns'), 2, 4),
      use('support', 20, 2),
      use('shop', 1, 100),
      use('growth', 40, 7),
      use(id('invoices'), 45),
    ];
    expect((await call(q.url, 'POST', '/api/v1/usage', reports)).status).toBe(201);
    // A job reads orders' table and writes ledger's: ledger consumes orders, as lineage shows.
    const event = {
      eventType: 'COMPLETE',
      eventTime: ago(5 * DAY),
      producer: 'https://e2e.example/producer',
      run: { runId: '5b0c1d2e-0000-4000-8000-00000000a5a9' },
      job: { namespace: 'e2e-usage', name: 'post-orders' },
      inputs: [dataset('orders')],
      outputs: [dataset('ledger')],
    };
    expect((await call(q.url, 'POST', '/api/v1/lineage', event)).status).toBe(201);
    for (const [consumer, stars] of [['billing', 5], ['support', 4], [encodeURIComponent(id('campaigns')), 3]] as const) {
      expect((await call(q.url, 'PUT', `${productPath(id('orders'))}/ratings/${consumer}`, { stars })).status).toBe(201);
    }
    // Freshness: 1 of 10 checks failed (0.9 against 0.99); completeness: 1 of 20 (0.95, the default target).
    const checks = [
      ...Array.from({ length: 10 }, (_, i) => ({ metric: 'freshness', passed: i !== 4, at: ago((i + 1) * HOUR) })),
      ...Array.from({ length: 20 }, (_, i) => ({ metric: 'completeness', passed: i !== 7, at: ago((i + 1) * HOUR) })),
      { metric: 'freshness', passed: false, at: ago(40 * DAY) },
    ];
    expect((await call(q.url, 'POST', `${productPath(id('orders'))}/slo-checks`, checks)).status).toBe(201);
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('reports every live product over 28 days by default, in IRI order', async () => {
    const body = await report();
    expect(body.window.days).toBe(28);
    expect(Date.parse(body.window.to) - Date.parse(body.window.from)).toBe(28 * DAY);
    expect(body.window.to).toBe(body.generatedAt);
    expect(body.filter).toEqual({});
    expect(body.products.map((p) => p.product)).toEqual([
      { iri: id('campaigns'), name: 'campaigns', domain: 'marketing', owner: 'growth' },
      { iri: id('invoices'), name: 'invoices', domain: 'finance', owner: 'billing' },
      { iri: id('ledger'), name: 'ledger', domain: 'finance', owner: 'billing' },
      { iri: id('orders'), name: 'orders', domain: 'sales', owner: 'shop' },
    ]);
  });

  it('counts consumers by domain, new and lost, and reads, leaving the owner team out', async () => {
    const orders = usageOf(await report(), 'orders');
    expect(orders.consumers).toEqual({
      total: 4,
      byDomain: [
        { domain: 'finance', consumers: 2 },
        { domain: 'marketing', consumers: 1 },
        { domain: 'unknown', consumers: 1 },
      ],
      new: [id('campaigns'), team('support')],
      lost: [id('invoices'), team('growth')],
    });
    expect(orders.reads).toBe(21);
  });

  it('shows the weekly trend, oldest first, the last week ending now', async () => {
    const body = await report();
    const { trend } = usageOf(body, 'orders');
    expect(trend.map((b) => [b.consumers, b.reads])).toEqual([
      [0, 0],
      [1, 2],
      [1, 5],
      [3, 14],
    ]);
    expect(trend.map((b) => Date.parse(b.to) - Date.parse(b.from))).toEqual([7 * DAY, 7 * DAY, 7 * DAY, 7 * DAY]);
    expect([trend[0]?.from, trend[3]?.to]).toEqual([body.window.from, body.window.to]);
    // Each week's consumers by their domain add up to the week's consumers.
    for (const b of trend) expect(b.byDomain.reduce((sum, d) => sum + d.consumers, 0)).toBe(b.consumers);
  });

  it('reports satisfaction and SLO compliance with the factors search ranks by', async () => {
    const body = await report();
    const orders = usageOf(body, 'orders');
    expect(orders.satisfaction).toMatchObject({ ratings: 3, meanStars: 4, factor: { name: 'rating' } });
    expect(orders.slo.guarantees).toMatchObject([
      { name: 'table/freshness', target: 0.99, checks: 10, passed: 9, compliance: 0.9, met: false },
      { name: 'table/completeness', target: 0.95, checks: 20, passed: 19, compliance: 0.95, met: true },
    ]);
    // Week by week in the usage trend's buckets, adding up to the window's figures.
    for (const g of orders.slo.guarantees) {
      expect(g.trend.map((w) => w.from)).toEqual(orders.trend.map((b) => b.from));
      expect([g.trend.reduce((sum, w) => sum + w.checks, 0), g.trend.reduce((sum, w) => sum + w.passed, 0)]).toEqual([g.checks, g.passed]);
    }
    expect(orders.slo.factor?.name).toBe('slo');
    const ledger = usageOf(body, 'ledger');
    expect([ledger.consumers, ledger.reads, ledger.satisfaction.ratings]).toEqual([{ total: 0, byDomain: [], new: [], lost: [] }, 0, 0]);
    expect(ledger.slo.guarantees).toEqual([
      { name: 'table/freshness', target: 0.99, checks: 0, passed: 0, trend: ledger.trend.map((b) => ({ from: b.from, to: b.to, checks: 0, passed: 0 })) },
    ]);
  });

  it('filters by owner and domain', async () => {
    const names = async (query: string) => (await report(query)).products.map((p) => p.product.name);
    expect(await names('?owner=billing')).toEqual(['invoices', 'ledger']);
    expect(await names('?domain=marketing')).toEqual(['campaigns']);
    expect(await names('?owner=shop')).toEqual(['orders']);
    expect(await names('?owner=shop&domain=finance')).toEqual([]);
    expect((await report('?owner=shop&domain=sales')).filter).toEqual({ owner: 'shop', domain: 'sales' });
  });

  it('takes the window in days: churn and buckets follow it', async () => {
    const body = await report('?owner=shop&window=7d');
    expect(body.window.days).toBe(7);
    const orders = usageOf(body, 'orders');
    expect(orders.consumers).toEqual({
      total: 3,
      byDomain: [
        { domain: 'finance', consumers: 2 },
        { domain: 'marketing', consumers: 1 },
      ],
      new: [id('campaigns')],
      lost: [],
    });
    expect([orders.reads, orders.trend.map((b) => [b.consumers, b.reads])]).toEqual([14, [[3, 14]]]);
    const year = usageOf(await report('?owner=shop&window=365d'), 'orders');
    expect([year.consumers.total, year.consumers.lost, year.reads, year.trend.length]).toEqual([6, [], 30, 53]);
  });

  it('answers a bad window or an unknown parameter with a problem', async () => {
    const cases: [string, string][] = [
      ['?window=0d', '/query/window'],
      ['?window=366d', '/query/window'],
      ['?window=28', '/query/window'],
      ['?window=4w', '/query/window'],
      ['?window=-7d', '/query/window'],
      ['?window=7.5d', '/query/window'],
      ['?windows=28d', '/query/windows'],
    ];
    for (const [query, pointer] of cases) {
      const res = await call(q.url, 'GET', `/api/v1/reports/usage${query}`);
      expect([query, res.status, res.headers.get('content-type'), res.body.type]).toEqual([query, 400, 'application/problem+json', '/api/v1/problems/invalid-parameter']);
      expect(res.body.errors?.map((e: { pointer: string }) => e.pointer)).toEqual([pointer]);
    }
  });
});
