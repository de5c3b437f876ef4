import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CLI, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// Authorization on a real server (issue 12, ADR 0017; research/perf-reliability.md §3.5 A3, A4).
// Paths are sent raw, over node:http: fetch and URL would tidy `..` and `%2e` away before sending.

/** One request with its path exactly as given, and the status and body it got. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const BASE = 'https://authz.example/products';

describe('authorization on a real server (ADR 0017)', () => {
  let q: QuantaProcess;
  let owner: string;
  let other: string;
  let reader: string;
  const dir = mkdtempSync(join(tmpdir(), 'quanta-authz-'));
  const token = async (body: object) => (await call(q.url, 'POST', '/api/v1/admin/tokens', body)).body.secret as string;

  beforeAll(async () => {
    // A low rate for the per-identity test, and room for its 40 requests at once (no load shedding).
    q = await startQuanta({ env: { QUANTA_RATE_LIMIT: '20', QUANTA_RATE_BURST: '20', QUANTA_MAX_IN_FLIGHT: '100' } });
    owner = await token({ name: 'listener CI', role: 'owner', team: 'listener-insights' });
    other = await token({ name: 'radio CI', role: 'owner', team: 'radio' });
    reader = await token({ name: 'a reader', role: 'reader' });
    expect((await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, 'orders'), 'application/json', { Authorization: `Bearer ${owner}` })).status).toBe(201);
  });
  afterAll(async () => {
    await q?.stop();
    q?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 to path tricks around the public routes: exact match only (A3, CVE-2024-28255)', async () => {
    const tricks = [
      '/api/v1;x=/healthz/../products',
      '/healthz/..;/api/v1/products',
      '/healthz/../api/v1/products',
      '/healthz/%2e%2e/api/v1/products',
      '/api/v1/openapi.json/../search?q=orders',
      '/api/v1/problems/not-found/../../search?q=orders',
      '/healthz%2f..%2fapi/v1/search?q=orders',
      '/healthz;',
      '/healthz/',
      '/HEALTHZ',
      '//healthz/../api/v1/search?q=orders',
      '/ns/context.jsonld/..%2f..%2fapi/v1/search',
    ];
    for (const path of tricks) {
      const res = await raw(q.url, 'GET', path);
      expect(res.status, path).toBe(401);
      expect(res.headers['www-authenticate'], path).toBe('Bearer realm="quanta"');
      expect(res.body, path).not.toContain('orders');
    }
    // The same tricks on a write, with a body that would register a product: nothing is stored.
    const body = JSON.stringify(compliantDescriptor(BASE, 'sneaked'));
    for (const path of ['/api/v1;x=/products', '/healthz/../api/v1/products', '/api/v1/products;', '/api/v1/products/']) {
      const res = await raw(q.url, 'PUT', path, { 'Content-Type': 'application/json' }, body);
      expect(res.status, path).toBe(401);
    }
    expect((await call(q.url, 'GET', productPath(`${BASE}/sneaked`))).status).toBe(404);
    expect((await raw(q.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('refuses a non-admin on admin routes with 403 before reading anything (A4)', async () => {
    for (const [method, path] of [['POST', '/api/v1/admin/reindex'], ['POST', '/api/v1/admin/insights'], ['POST', '/api/v1/admin/tokens'], ['GET', '/api/v1/admin/tokens']] as const) {
      const res = await raw(q.url, method, path, { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' }, method === 'POST' ? '{"not json' : undefined);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ type: '/api/v1/problems/forbidden', detail: 'this needs an admin token' });
    }
  });

  it('lets the CLI of another team register nothing of this one\'s, and says which team may', () => {
    const file = join(dir, 'orders.json');
    writeFileSync(file, JSON.stringify({ ...compliantDescriptor(BASE, 'orders'), description: 'taken over' }));
    const run = spawnSync(process.execPath, [CLI, 'register', file, '--server', q.url], { encoding: 'utf8', env: { ...process.env, QUANTA_TOKEN: other } });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/403 Not allowed: only team listener-insights \(or an admin\) may register https:\/\/authz\.example\/products\/orders for team listener-insights; your token is for team radio/);
    const whoami = spawnSync(process.execPath, [CLI, 'whoami', '--server', q.url], { encoding: 'utf8', env: { ...process.env, QUANTA_TOKEN: other } });
    expect(whoami.stdout).toMatch(/^token:tok_\S+: owner of team radio; signals are recorded as urn:quanta:team:radio/);
  });

  it('limits each identity to its rate with 429 and Retry-After, and the others not at all', async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, () => call(q.url, 'GET', '/api/v1/search?q=orders', undefined, undefined, { Authorization: `Bearer ${reader}` })));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(burst.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited[0]?.body).toMatchObject({ type: '/api/v1/problems/rate-limited' });
    // Another identity is not slowed by the first one's burst, and probes are never limited.
    expect((await call(q.url, 'GET', '/api/v1/search?q=orders')).status).toBe(200);
    expect((await raw(q.url, 'GET', '/healthz')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await call(q.url, 'GET', '/api/v1/search?q=orders', undefined, undefined, { Authorization: `Bearer ${reader}` })).status).toBe(200);
  });
});
