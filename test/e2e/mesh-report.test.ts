import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// The mesh report (issue 7) through the HTTP API, exact on a hand-built mesh: a hub in `core`
// read by twenty teams and feeding a `reporting` product, whose guarantees fail three checks in
// ten (so the god-product guard applies); `orders` and its copy, one duplicate group whose
// canonical gets 90 of its 100 reads; and one retired product.
const BASE = 'https://e2e.example/mesh';
const DAY = 86_400_000;
const id = (name: string) => `${BASE}/${name}`;
const SLOS = [{ metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' }];
const ORDER_FIELDS = [
  { name: 'order_id', type: 'string' },
  { name: 'customer_id', type: 'string' },
  { name: 'order_total', type: 'decimal(18,2)' },
  { name: 'placed_at', type: 'timestamp' },
  { name: 'status', type: 'string' },
];
const RAW = { namespace: 'postgres://shop-db', name: 'public.orders' };

function product(name: string, domain: string, team: string, extra: Record<string, unknown> = {}) {
  return compliantDescriptor(BASE, name, { domain, owner: { team }, description: `The ${name} product of the mesh report test.`, ...extra });
}

const TEAMS = Array.from({ length: 20 }, (_, i) => `reader-${String(i).padStart(2, '0')}`);

describe('mesh report through the API', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    q = await startQuanta();
    const put = async (body: object) => expect((await call(q.url, 'PUT', '/api/v1/products', body)).status).toBe(201);
    await put(product('hub', 'core', 'platform', { outputPorts: [{ name: 'table', kind: 'table', fields: [{ name: 'event_id', type: 'string' }, { name: 'at', type: 'timestamp' }], slos: SLOS }] }));
    await put(product('hub-daily', 'reporting', 'analysts', { inputPorts: [{ product: id('hub') }] }));
    const orders = (name: string, team: string, domain: string) =>
      product(name, domain, team, { outputPorts: [{ name: 'table', kind: 'table', fields: ORDER_FIELDS, slos: SLOS }], inputPorts: [{ lineage: RAW }] });
    await put(orders('orders', 'sales', 'sales'));
    await put(orders('orders-copy', 'marketing', 'marketing'));
    await put(product('old-feed', 'core', 'platform'));
    expect((await call(q.url, 'DELETE', productPath(id('old-feed')))).status).toBe(200);

    const at = new Date(Date.now() - 2 * DAY).toISOString();
    const reports = [
      ...TEAMS.map((consumer) => ({ product: id('hub'), consumer, at, count: 1 })),
      { product: id('hub'), consumer: 'platform', at, count: 500 },
      { product: id('orders'), consumer: 'finance', at, count: 90 },
      { product: id('orders-copy'), consumer: 'growth', at, count: 10 },
    ];
    expect((await call(q.url, 'POST', '/api/v1/usage', reports)).status).toBe(201);
    const checks = Array.from({ length: 10 }, (_, i) => ({ metric: 'freshness', passed: i >= 3, at: new Date(Date.now() - (i + 1) * DAY).toISOString() }));
    expect((await call(q.url, 'POST', `${productPath(id('hub'))}/slo-checks`, checks)).status).toBe(201);
    expect((await call(q.url, 'POST', '/api/v1/admin/insights')).body).toMatchObject({ groups: 1, flagged: 0 });
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it('sizes the mesh and counts its interconnections week by week', async () => {
    const { body, status } = await call(q.url, 'GET', '/api/v1/reports/mesh');
    expect(status).toBe(200);
    expect(body.size).toEqual({ products: 4, domains: 4, teams: 4, productLinks: 1 });
    const weeks = body.interconnections.weeks as Record<string, unknown>[];
    expect(weeks).toHaveLength(12);
    expect(weeks.slice(0, 11).every((w) => w.activeLinks === 0 && !('crossDomainShare' in w))).toBe(true);
    // The owner's 500 reads of its own hub are not an interconnection; readers own nothing (domain unknown).
    expect(weeks[11]).toMatchObject({ activeLinks: 22, consumers: 22, domainLinks: 3, crossDomainShare: 1 });
    expect(body.interconnections.domainLinks).toEqual([{ from: 'core', to: 'reporting', links: 1 }]);
  });

  it('puts the hub under the god-product guard, with the reason in words', async () => {
    const { body } = await call(q.url, 'GET', '/api/v1/reports/mesh');
    expect(body.godProducts).toEqual({
      threshold: 21,
      products: [
        {
          product: { iri: id('hub'), name: 'hub', domain: 'core', owner: 'platform' },
          dependents: 21,
          downstreamProducts: 1,
          consumers: 20,
          sloFailureShare: 0.3,
          guard: 'guarded',
          reason: '21 dependents (threshold 21) and 30% of its SLO checks failed in 90 days: high blast radius, consider splitting',
        },
      ],
    });
  });

  it('shows the balancing loop: one group, the canonical’s share of its reads, the retirement this week', async () => {
    const { body } = await call(q.url, 'GET', '/api/v1/reports/mesh');
    expect(body.loopHealth).toMatchObject({ duplicateGroups: 1, canonicalShare: 0.9, flaggedNow: 0, deprecatedNow: 0 });
    const weeks = body.loopHealth.weeks as { flagged: number; unflagged: number; retired: number }[];
    expect(weeks.map((w) => w.retired)).toEqual([...Array(11).fill(0), 1]);
    expect(weeks.every((w) => w.flagged === 0 && w.unflagged === 0)).toBe(true);
  });

  it('refuses parameters it does not take', async () => {
    const res = await call(q.url, 'GET', '/api/v1/reports/mesh?window=7d');
    expect([res.status, res.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
  });
});
