import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, CLI, compliantDescriptor, productPath, startQuanta, storedIris, type QuantaProcess } from '../src/index.js';

// F6 (research/perf-reliability.md §3.4): restore from a backup taken while Quanta served, with
// the search index rebuilt from the restored graph. Pass: products, revisions, content hashes,
// lineage runs and ratings match the state at the backup; nothing written after it is there; the
// reconciler finds the index level with the graph.
const BASE = 'https://backup.example/products';

/** What must survive a backup and restore, in a form two servers can be compared by. */
async function state(q: QuantaProcess, iris: readonly string[], runIds: readonly string[]) {
  // One request at a time: a burst of them would meet the server's in-flight cap (F7).
  const products = [];
  for (const iri of iris) {
    const p = (await call(q.url, 'GET', productPath(iri))).body;
    const revisions = (await call(q.url, 'GET', `${productPath(iri)}/revisions`)).body.revisions as { revision: number }[];
    products.push({ iri, revision: p.revision, hash: p.hash, status: p.descriptor.status, revisions: revisions.length });
  }
  const runs = [];
  for (const id of runIds) {
    const run = (await call(q.url, 'GET', `/api/v1/lineage/runs/${id}`)).body;
    runs.push({ id, state: run.state, events: run.events.length });
  }
  // The signals as stored (reads, ratings and their stars); ranking factors are derived, and
  // recomputed on their own schedule, so they are compared by the reconciler's side, not here.
  const report = (await call(q.url, 'GET', '/api/v1/reports/usage?owner=listener-insights&window=365d')).body as { products: { product: { iri: string }; reads: number; satisfaction: { ratings: number; meanStars?: number } }[] };
  const usage = report.products.map((p) => ({ iri: p.product.iri, reads: p.reads, ratings: p.satisfaction.ratings, meanStars: p.satisfaction.meanStars })).sort((a, b) => a.iri.localeCompare(b.iri));
  return { products, runs, usage };
}

describe('backup while serving, then restore (F6)', () => {
  const started: QuantaProcess[] = [];
  const restoredDir = mkdtempSync(join(tmpdir(), 'quanta-restored-'));
  afterAll(async () => {
    for (const q of started) {
      await q.stop().catch(() => undefined);
      q.cleanup();
    }
  });

  it('restores exactly what the backup held, and search follows the restored graph', async () => {
    const q = await startQuanta();
    started.push(q);
    const iris = Array.from({ length: 30 }, (_, i) => `${BASE}/p-${i}`);
    for (let i = 0; i < iris.length; i++) expect((await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, `p-${i}`))).status).toBe(201);
    // Second revisions, a retirement, signals and lineage: more than products alone.
    for (const iri of iris.slice(0, 5)) expect((await call(q.url, 'PUT', '/api/v1/products', { ...compliantDescriptor(BASE, iri.split('/').pop() as string), description: 'A second revision of this product, registered before the backup.' })).status).toBe(200);
    expect((await call(q.url, 'DELETE', productPath(iris[29] as string))).status).toBe(200);
    expect((await call(q.url, 'POST', '/api/v1/usage', iris.slice(0, 10).map((product, i) => ({ product, consumer: `team-${i % 3}`, count: i + 1, id: `u-${i}` })))).status).toBe(201);
    for (const iri of iris.slice(0, 3)) expect((await call(q.url, 'PUT', `${productPath(iri)}/ratings/team-1`, { stars: 4 })).status).toBe(201);
    const runIds = ['2f1e0c9d-8a71-4b5e-9a7b-3d1f4c5e0b9e', '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d'];
    for (const runId of runIds) {
      for (const eventType of ['START', 'COMPLETE']) {
        const event = { eventType, eventTime: new Date(Date.now() - (eventType === 'START' ? 60_000 : 0)).toISOString(), run: { runId }, job: { namespace: 'backup', name: runId.slice(0, 4) }, outputs: [{ namespace: 'backup', name: 'out' }], producer: 'https://e2e.example/backup', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent' };
        expect((await call(q.url, 'POST', '/api/v1/lineage', event)).status).toBe(201);
      }
    }
    const before = await state(q, iris, runIds);

    // The backup, through the CLI as an operator would take it, while the server serves.
    const run = spawnSync(process.execPath, [CLI, 'backup', '--server', q.url, '--json'], { encoding: 'utf8', env: { ...process.env, QUANTA_TOKEN: q.adminToken ?? '' } });
    expect(run.status, run.stderr).toBe(0);
    const taken = JSON.parse(run.stdout) as { file: string; bytes: number; products: number };
    expect(taken).toMatchObject({ products: 30, file: expect.stringMatching(/backups\/graph-.*\.sqlite$/) });

    // Written after the backup: must not come back.
    expect((await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, 'after-backup'))).status).toBe(201);
    expect((await call(q.url, 'PUT', '/api/v1/products', { ...compliantDescriptor(BASE, 'p-6'), description: 'Changed after the backup was taken: the restore must not show this.' })).status).toBe(200);

    // Restore: a new data directory whose graph is the backup; the search index is rebuilt at start.
    copyFileSync(taken.file, join(restoredDir, 'graph.sqlite'));
    const restored = await startQuanta({ dataDir: restoredDir, adminToken: q.adminToken ?? false });
    started.push(restored);
    expect(await state(restored, iris, runIds)).toEqual(before);
    const stored = await storedIris(restored);
    expect([...stored].sort()).toEqual([...iris].sort());
    expect((await call(restored.url, 'GET', productPath(`${BASE}/after-backup`))).status).toBe(404);
    const reconciled = await call(restored.url, 'POST', '/api/v1/admin/reconcile?dryRun=true');
    expect(reconciled.body).toMatchObject({ missing: 0, stale: 0, orphaned: 0 });
    // Retired products drop out of default search; the 29 live ones are all found.
    expect((await call(restored.url, 'GET', '/api/v1/search?q=registered&limit=100')).body.total).toBe(29);
  });
});
