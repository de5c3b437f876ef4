import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// The duplicates report and owners' overrides (issue 7) through the HTTP API, on a hand-built mesh
// whose answer is known: `orders` and its copy `orders-copy` (same columns but one, same raw
// source) form the one group, and `orders` is canonical (used and rated); the daily aggregate of
// `orders` is lineage, not a duplicate; `customers` shares only generic columns.
const BASE = 'https://e2e.example/dups';
const RAW = { namespace: 'postgres://shop-db', name: 'public.orders' };
const SLOS = [{ metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' }];
const id = (name: string) => `${BASE}/${name}`;

const ORDER_FIELDS = [
  { name: 'order_id', type: 'string', concept: 'https://e2e.example/ontology/Order' },
  { name: 'customer_id', type: 'string', concept: 'https://e2e.example/ontology/Customer' },
  { name: 'order_total', type: 'decimal(18,2)' },
  { name: 'currency', type: 'string' },
  { name: 'placed_at', type: 'timestamp' },
  { name: 'status', type: 'string' },
];

function product(name: string, team: string, domain: string, fields: readonly object[], inputs: readonly object[], description: string) {
  return compliantDescriptor(BASE, name, {
    description,
    domain,
    owner: { team },
    concepts: ['https://e2e.example/ontology/Order'],
    outputPorts: [{ name: 'table', kind: 'table', fields, slos: SLOS }],
    inputPorts: inputs,
  });
}

const orders = product('orders', 'sales', 'orders', ORDER_FIELDS, [{ lineage: RAW }], 'Every order placed in the web shop, one row per order, refreshed hourly.');
const copyFields = ORDER_FIELDS.map((f) => (f.name === 'order_total' ? { ...f, name: 'order_totals' } : f));
const copy = product('orders-copy', 'marketing', 'marketing', copyFields, [{ lineage: RAW }], 'A copy of the shop orders that marketing keeps for campaign reporting.');
const daily = product(
  'orders-daily',
  'finance',
  'orders',
  [
    { name: 'day', type: 'date' },
    { name: 'order_count', type: 'long' },
    { name: 'order_total', type: 'decimal(38,2)' },
  ],
  [{ product: id('orders') }],
  'Orders per day with their total, for the finance close.',
);
const customers = product(
  'customers',
  'crm',
  'customers',
  [
    { name: 'customer_id', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'status', type: 'string' },
  ],
  [{ lineage: { namespace: 'postgres://crm-db', name: 'public.customers' } }],
  'Customer accounts with their contact details.',
);

interface Report {
  groups: {
    canonical: { iri: string; name: string };
    canonicalReason: string;
    members: { iri: string; name: string; canonical: boolean; demoted: boolean; graceEndsAt?: string }[];
    pairs: { a: string; b: string; score: number; band: string; evidence: { sharedUpstreams: string[]; contain: number } }[];
    overrides: { verdict: string; reason: string; actor: string; holds: boolean }[];
    nudges: { product: string; kind: string; message: string }[];
  }[];
  overlaps: { a: string; b: string }[];
  overrides: { a: string; b: string; verdict: string; reason: string; actor: string; holds: boolean }[];
}

describe('duplicates report and overrides through the API', () => {
  let q: QuantaProcess;
  const report = async (query = '') => (await call<Report>(q.url, 'GET', `/api/v1/reports/duplicates${query}`)).body;
  const verdict = (body: object, from = 'orders-copy', to = 'orders') => call(q.url, 'PUT', `${productPath(id(from))}/duplicates/${encodeURIComponent(id(to))}`, body);

  beforeAll(async () => {
    q = await startQuanta();
    for (const d of [orders, copy, daily, customers]) expect((await call(q.url, 'PUT', '/api/v1/products', d)).status).toBe(201);
    // orders is used by three teams and rated well; its copy by nobody.
    const at = new Date(Date.now() - 86_400_000).toISOString();
    expect((await call(q.url, 'POST', '/api/v1/usage', ['finance', 'growth', 'support'].map((consumer) => ({ product: id('orders'), consumer, at })))).status).toBe(201);
    expect((await call(q.url, 'PUT', `${productPath(id('orders'))}/ratings/finance`, { stars: 5 })).status).toBe(201);
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('reports the one group, its canonical and the evidence; the aggregate and the look-alike stay out', async () => {
    const body = await report();
    expect(body.groups).toHaveLength(1);
    const [group] = body.groups;
    expect(group?.canonical).toMatchObject({ iri: id('orders'), name: 'orders' });
    expect(group?.canonicalReason).toMatch(/orders/);
    expect(group?.members.map((m) => [m.name, m.canonical])).toEqual([
      ['orders', true],
      ['orders-copy', false],
    ]);
    // New products are never demoted as duplicates: the copy's grace period runs 56 days.
    const member = group?.members[1];
    expect(member?.demoted).toBe(false);
    expect(Date.parse(member?.graceEndsAt ?? '') - Date.now()).toBeGreaterThan(55 * 86_400_000);
    expect(group?.pairs).toHaveLength(1);
    expect(group?.pairs[0]).toMatchObject({ a: id('orders'), b: id('orders-copy'), band: 'likely', evidence: { sharedUpstreams: ['dataset:postgres://shop-db:public.orders'] } });
    expect(group?.pairs[0]?.score).toBeGreaterThanOrEqual(0.8);
    const pairs = [...body.groups.flatMap((g) => g.pairs), ...body.overlaps].map((p) => [p.a, p.b].sort().join(' '));
    expect(pairs.some((p) => p.includes('orders-daily') || p.includes('customers'))).toBe(false);
  });

  it('filters by owner and domain', async () => {
    expect((await report('?owner=marketing')).groups).toHaveLength(1);
    expect((await report('?domain=orders')).groups).toHaveLength(1);
    expect((await report('?owner=crm')).groups).toEqual([]);
    expect((await report('?owner=nobody&domain=orders')).groups).toEqual([]);
  });

  it('shows the duplicate factor in search, neutral during the grace period', async () => {
    const hits = (await call(q.url, 'GET', '/api/v1/search?q=orders')).body.hits as { product: { name: string }; factors: { name: string; value: number; reason: string }[] }[];
    const copyHit = hits.find((h) => h.product.name === 'orders-copy');
    expect(copyHit?.factors.find((f) => f.name === 'duplicate')).toMatchObject({ value: 1, reason: expect.stringMatching(/likely duplicate \(0\.\d\d\) of orders; not demoted during its first 56 days/) });
    expect(hits.find((h) => h.product.name === 'orders')?.factors.some((f) => f.name === 'duplicate')).toBe(false);
  });

  it("takes an owner's “not a duplicate” with a reason, audits it, and lifts the group", async () => {
    const res = await verdict({ verdict: 'not-duplicate', reason: 'Marketing filters test orders out; the numbers differ on purpose.' });
    expect([res.status, res.body]).toEqual([200, { a: id('orders'), b: id('orders-copy'), verdict: 'not-duplicate', band: 'none' }]);
    const body = await report();
    expect(body.groups).toEqual([]);
    expect(body.overrides).toEqual([
      { a: id('orders'), b: id('orders-copy'), verdict: 'not-duplicate', reason: 'Marketing filters test orders out; the numbers differ on purpose.', actor: expect.stringMatching(/^token:tok_/), at: expect.any(String), holds: true },
    ]);
    const hits = (await call(q.url, 'GET', '/api/v1/search?q=orders')).body.hits as { product: { name: string }; factors: { name: string }[] }[];
    expect(hits.find((h) => h.product.name === 'orders-copy')?.factors.some((f) => f.name === 'duplicate')).toBe(false);
  });

  it('lets the override lapse when the schema changes, and withdrawing it brings the group back', async () => {
    const changed = { ...copy, outputPorts: [{ name: 'table', kind: 'table', fields: [...copyFields, { name: 'campaign_id', type: 'string' }], slos: SLOS }] };
    expect((await call(q.url, 'PUT', '/api/v1/products', changed)).status).toBe(200);
    const lapsed = await report();
    expect(lapsed.groups).toHaveLength(1);
    expect(lapsed.overrides.map((o) => [o.verdict, o.holds])).toEqual([['not-duplicate', false]]);
    expect((await verdict({ verdict: 'not-duplicate', reason: 'Still different: campaign attribution added.' })).body).toMatchObject({ band: 'none' });
    expect((await report()).groups).toEqual([]);
    const back = await verdict({ verdict: 'duplicate', reason: 'We merged the filters into orders after all.' }, 'orders', 'orders-copy');
    expect(back.body).toMatchObject({ verdict: 'duplicate', band: 'likely' });
    const body = await report();
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]?.overrides.map((o) => [o.verdict, o.reason, o.holds])).toEqual([['duplicate', 'We merged the filters into orders after all.', false]]);
  });

  it('grows the group when a third copy registers, and nudges each copy once after a full run', async () => {
    const third = product('orders-copy-2', 'growth', 'growth', copyFields, [{ lineage: RAW }], 'Growth’s own copy of the shop orders, for funnel analysis.');
    expect((await call(q.url, 'PUT', '/api/v1/products', third)).status).toBe(201);
    const grown = await report();
    expect(grown.groups.map((g) => g.members.map((m) => m.name))).toEqual([['orders', 'orders-copy', 'orders-copy-2']]);
    const run = await call(q.url, 'POST', '/api/v1/admin/insights');
    expect([run.status, run.body.groups]).toEqual([200, 1]);
    const after = await report();
    expect(after.groups.map((g) => [g.canonical.name, g.members.length])).toEqual([['orders', 3]]);
    const nudges = after.groups[0]?.nudges ?? [];
    expect(nudges.map((n) => [n.product, n.kind])).toEqual([
      [id('orders-copy'), 'duplicate'],
      [id('orders-copy-2'), 'duplicate'],
    ]);
    expect(nudges[0]?.message).toMatch(/^orders-copy looks like a duplicate of orders \(0\.\d\d: \d+% column overlap, same upstream public\.orders/);
  });

  it('answers bad verdicts and filters with a problem, changing nothing', async () => {
    const before = await report();
    const cases: [Promise<{ status: number; headers: Headers; body: { type?: string } }>, number][] = [
      [verdict({ verdict: 'not-duplicate' }), 422],
      [verdict({ verdict: 'not-duplicate', reason: 'x' }), 422],
      [verdict({ verdict: 'maybe', reason: 'not sure at all' }), 422],
      [verdict({ verdict: 'not-duplicate', reason: 'same', extra: true }), 422],
      [verdict({ verdict: 'not-duplicate', reason: 'itself, really' }, 'orders', 'orders'), 400],
      [verdict({ verdict: 'not-duplicate', reason: 'no such product' }, 'orders', 'nowhere'), 404],
      [call(q.url, 'PUT', `/api/v1/products/not-an-iri/duplicates/${encodeURIComponent(id('orders'))}`, { verdict: 'duplicate', reason: 'bad path' }), 400],
      [call(q.url, 'GET', '/api/v1/reports/duplicates?ownr=sales'), 400],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect([res.status, res.headers.get('content-type')]).toEqual([status, 'application/problem+json']);
    }
    expect(await report()).toEqual({ ...before, generatedAt: expect.any(String) });
  });
});
