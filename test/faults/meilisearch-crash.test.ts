import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, freePort, startQuanta, type QuantaProcess } from '../src/index.js';

// F2 (research/perf-reliability.md §3.4, Meilisearch issue #4432): kill -9 Meilisearch in the
// middle of indexing a burst of registrations, then restart it on the same database. Needs a
// Meilisearch binary the suite can start and kill: MEILI_BIN, or `meilisearch` on PATH (no
// registry here ships one; docs/operations.md says how to build it). Without one it skips and says so.
const BIN = process.env.MEILI_BIN ?? 'meilisearch';
const probe = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
const unavailable = probe.status === 0 ? undefined : `no Meilisearch binary to start and kill (set MEILI_BIN, or put meilisearch on PATH)`;
if (unavailable) console.warn(`Meilisearch crash suite (F2) skipped: ${unavailable}`);

const BASE = 'https://meili-crash.example/products';
const INDEX = 'f2-products';

async function startMeili(dbPath: string, port: number): Promise<ChildProcess> {
  const meili = spawn(BIN, ['--db-path', dbPath, '--http-addr', `127.0.0.1:${port}`, '--no-analytics', '--env', 'development', '--max-indexing-threads', '1'], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return meili;
    if (Date.now() > deadline || meili.exitCode !== null) throw new Error('Meilisearch did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const meiliGet = async (port: number, path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).json() as Promise<Record<string, unknown>>;

describe.skipIf(unavailable !== undefined)('Meilisearch killed -9 mid-batch (F2)', () => {
  const home = mkdtempSync(join(tmpdir(), 'quanta-f2-'));
  let port: number;
  let meili: ChildProcess;
  let q: QuantaProcess;
  beforeAll(async () => {
    port = await freePort();
    meili = await startMeili(join(home, 'meili'), port);
    q = await startQuanta({ env: { QUANTA_SEARCH: 'meilisearch', MEILI_URL: `http://127.0.0.1:${port}`, MEILI_INDEX: INDEX } });
  }, 120_000);
  afterAll(async () => {
    await q?.stop();
    meili?.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('acknowledges every registration, and after a restart every task is terminal and every product a document', async () => {
    let acknowledged = 0;
    let killed = false;
    let next = 0;
    const statuses = new Set<number>();
    const writer = async () => {
      while (next < 400) {
        const res = await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, `p-${next++}`));
        statuses.add(res.status);
        if (res.status === 201) acknowledged++;
        if (!killed && acknowledged >= 120) {
          killed = true;
          meili.kill('SIGKILL'); // mid-batch: the projector sends documents in batches as they come
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, writer));
    // The graph is the point of truth: a search engine that is gone never fails a registration.
    expect([...statuses]).toEqual([201]);
    expect(acknowledged).toBe(400);
    const degraded = await call(q.url, 'GET', '/readyz');
    expect(degraded.body.search.status).toBe('unreachable');

    meili = await startMeili(join(home, 'meili'), port);
    const deadline = Date.now() + 60_000;
    let documents = -1;
    let open = -1;
    while (Date.now() < deadline) {
      const tasks = await meiliGet(port, '/tasks?statuses=enqueued,processing&limit=1');
      open = tasks.total as number;
      const stats = await meiliGet(port, `/indexes/${INDEX}/stats`).catch(() => ({ numberOfDocuments: -1 }));
      documents = stats.numberOfDocuments as number;
      const pending = (await call(q.url, 'GET', '/readyz')).body.search?.pending as number;
      if (open === 0 && documents === 400 && pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect({ open, documents }).toEqual({ open: 0, documents: 400 });
    const report = await call(q.url, 'POST', '/api/v1/admin/reconcile?dryRun=true');
    expect(report.body).toMatchObject({ products: 400, documents: 400, missing: 0, stale: 0, orphaned: 0 });
  });
});
