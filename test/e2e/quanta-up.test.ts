import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLOT_NOTE } from '@quanta/ranking';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, backendEnv, call, freePort, resetBackend, useToken } from '../src/index.js';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('quanta up (the README command) on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quanta-up-'));
  let output = '';
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(async () => {
    for (const c of children) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo mesh, serves the UI beside the API, and finds listener products for the typo "listner", with facets', async () => {
    const [port, webPort] = [await freePort(), await freePort()];
    await resetBackend();
    const cli = spawn(process.execPath, [CLI, 'up', '--port', String(port), '--web-port', String(webPort), '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', ...backendEnv() },
    });
    children.push(cli);
    cli.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    cli.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (output.includes('Quanta is up') ? true : undefined), 90_000);
    expect(output).toContain(`${base}/api/v1/search`);
    // The UI, server-rendered: the search page with results for the typo, read through the gateway.
    expect(output).toContain(`UI         http://127.0.0.1:${webPort}`);
    const page = await fetch(`http://127.0.0.1:${webPort}/?q=listner`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<a href="\/products\/https%3A%2F%2Fdaff\.example%2Fproducts%2Flistener%2F[^"]+">Listener/);
    expect(output).toMatch(/5\d demo products registered/);

    // The first start's admin token, shown once with the URLs: the way in for the person at the terminal.
    const token = /quanta_[A-Za-z0-9_-]{43}/.exec(output)?.[0];
    expect(token).toBeDefined();
    useToken(base, token);
    expect((await call(base, 'GET', '/api/v1/search?q=listner', undefined, undefined, { Authorization: '' })).status).toBe(401);
    const res = await call(base, 'GET', '/api/v1/search?q=listner');
    expect(res.status).toBe(200);
    const top = res.body.hits.slice(0, 3);
    // Position 3 is the exploration slot one search in ten (research/ranking.md §B.6): a new
    // product from the same page, labelled as such.
    for (const hit of top) if (!hit.notes.includes(SLOT_NOTE)) expect(hit.product.name).toMatch(/listener/);
    expect(res.body.facets.domain.length).toBeGreaterThan(1);
    expect(res.body.facets.domain[0]).toEqual({ value: 'listener', count: expect.any(Number) });
    expect(res.body.facets.tag).toContainEqual({ value: 'demo', count: res.body.total });

    // Loaded concept homes first, the demo carries exactly its one deliberate policy Warning:
    // no field claims a concept before a registered model defines it.
    const listed = await call(base, 'GET', '/api/v1/products?limit=100');
    const findings: string[] = [];
    for (const p of listed.body.items as { iri: string; name: string }[]) {
      const product = await call(base, 'GET', `/api/v1/products/${encodeURIComponent(p.iri)}`);
      for (const f of product.body.findings as { severity: string; path: string }[]) findings.push(`${p.name} ${f.severity} ${f.path}`);
    }
    expect(findings).toEqual(['play-events-legacy Warning /outputPorts/0/slos']);

    // A week of OpenLineage runs came with it, every event accepted, binding products through their ports.
    expect(output).toMatch(/\d+ OpenLineage events of the last 7 days stored\n/);
    expect(output).not.toMatch(/events of the last 7 days stored, \d+ failed/);
    const sessions = listed.body.items.find((p: { name: string }) => p.name === 'listening-sessions') as { iri: string };
    const upstream = await call(base, 'GET', `/api/v1/products/${encodeURIComponent(sessions.iri)}/lineage?direction=upstream&depth=1`);
    expect(upstream.status).toBe(200);
    expect(upstream.body.links).toContainEqual(expect.objectContaining({ to: sessions.iri, via: 'job' }));

    // And its signal history, so both loops show at once: the well-used rise, the breaching sink.
    expect(output).toMatch(/\d+ usage reports, \d+ ratings and \d+ SLO checks stored\n/);
    type Hit = { product: { name: string }; factors: { name: string; value: number; reason: string }[] };
    const hitOf = async (q: string, name: string) =>
      ((await call(base, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=50`)).body.hits as Hit[]).find((h) => h.product.name === name) as Hit;
    const factor = (h: Hit, name: string) => h.factors.find((f) => f.name === name) as { value: number; reason: string };
    const events = await hitOf('play events', 'play-events');
    expect(factor(events, 'usage').value).toBeGreaterThan(1.1);
    expect(factor(events, 'rating').value).toBeGreaterThan(1);
    const quality = await hitOf('player quality', 'player-quality-daily');
    expect(factor(quality, 'slo').value).toBeLessThan(1);
    expect(factor(quality, 'slo').reason).toMatch(/freshness' burned/);

    // And the balancing loop has run over it: a duplicate group, and a copy nobody reads flagged.
    expect(output).toMatch(/duplicate detection: [1-9]\d* duplicate groups?, [1-9]\d* products? flagged for retirement\n/);
    const duplicates = (await call(base, 'GET', '/api/v1/reports/duplicates')).body as { groups: { canonical: { name: string } }[]; nudges: { kind: string; message: string }[] };
    expect(duplicates.groups.map((g) => g.canonical.name)).toContain('social-media-sentiment');
    expect(duplicates.nudges).toContainEqual(expect.objectContaining({ kind: 'retirement', message: expect.stringMatching(/^artist-mentions-weekly is flagged for retirement/) }));
    const weekly = await hitOf('artist mentions weekly', 'artist-mentions-weekly');
    expect(factor(weekly, 'lifecycle')).toMatchObject({ value: 0.6 });
  });
});
