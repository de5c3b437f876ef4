import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { call, startQuanta, type QuantaProcess } from '../src/index.js';

// F1 (research/perf-reliability.md §3.4): kill -9 the API during 200 events/s of lineage ingest,
// restart it, and let the client retry every event it has no acknowledgement for, with the same
// event (its idempotency key is runId, eventType and eventTime). Invariants 1 and 3 of §3.3:
// stored = acknowledged ∪ retried, and every event exactly once.
const RATE = 200;
const SECONDS = 4;
const KILL_AFTER = 50;

const event = (i: number, runId: string) => ({
  eventType: 'START',
  eventTime: new Date(Date.UTC(2026, 10, 1, 0, 0, 0, i)).toISOString(),
  run: { runId },
  job: { namespace: 'crash', name: `job-${i % 20}` },
  inputs: [{ namespace: 'crash', name: `in-${i % 7}` }],
  outputs: [{ namespace: 'crash', name: `out-${i % 5}` }],
  producer: 'https://e2e.example/crash-test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

describe('lineage ingest survives kill -9 (F1)', () => {
  const started: QuantaProcess[] = [];
  afterAll(async () => {
    for (const p of started) await p.stop().catch(() => undefined);
    started[0]?.cleanup();
  });

  it('keeps every acknowledged event, and a retry of each unanswered one stores it once', async () => {
    // About crashes, not rate limits (authorization.test.ts): the client's retries go unthrottled.
    const first = await startQuanta({ env: { QUANTA_RATE_LIMIT: '0' } });
    started.push(first);
    // Steady state first: a fresh Neo4j plans each query shape on its first use, which takes
    // longer than the open loop's gaps, and the crash is meant to hit ingest at speed.
    for (let w = 0; w < 20; w++) expect((await call(first.url, 'POST', '/api/v1/lineage', event(w, randomUUID()))).status).toBe(201);
    const runIds = Array.from({ length: RATE * SECONDS }, () => randomUUID());
    const acknowledged = new Set<number>();
    let killedAt = Number.POSITIVE_INFINITY;
    const seen = new Map<number, number>();
    // An open loop at RATE events/s; the server is killed once KILL_AFTER events were acknowledged
    // (a fresh Neo4j answers its first events slowly, so a time would not say writes are in flight).
    const start = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < runIds.length; i++) {
      const wait = start + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (killedAt === Number.POSITIVE_INFINITY && (acknowledged.size >= KILL_AFTER || i === runIds.length - 1)) {
        killedAt = i;
        void first.kill9();
      }
      sends.push(
        call(first.url, 'POST', '/api/v1/lineage', event(i, runIds[i] as string)).then(
          (res) => {
            seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
            if (res.status === 201) acknowledged.add(i);
          },
          () => undefined, // refused or reset: the server is gone, the client retries later
        ),
      );
    }
    await Promise.all(sends);
    expect(acknowledged.size, `answers before the kill: ${JSON.stringify(Object.fromEntries(seen))}`).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThanOrEqual(killedAt);

    const second = await first.restart();
    started.push(second);
    // Every acknowledged event is there, before any retry.
    for (const i of acknowledged) {
      const run = await call(second.url, 'GET', `/api/v1/lineage/runs/${runIds[i]}`);
      expect(run.status, `event ${i}`).toBe(200);
      expect(run.body.events).toHaveLength(1);
    }
    // The client retries what it never heard back about, and (being careful) everything else too.
    // Eight at a time, as a client's retry queue would send them (the server sheds more at once, F7).
    const retried: Awaited<ReturnType<typeof call>>[] = [];
    for (let i = 0; i < runIds.length; i += 8) {
      retried.push(...(await Promise.all(runIds.slice(i, i + 8).map((runId, k) => call(second.url, 'POST', '/api/v1/lineage', event(i + k, runId))))));
    }
    // An acknowledged event is a duplicate now; an unanswered one is stored now, or was stored
    // just before the kill with its answer lost.
    for (const [i, res] of retried.entries()) expect(acknowledged.has(i) ? [200] : [200, 201], `retry of event ${i}`).toContain(res.status);
    expect(retried.some((r) => r.status === 201)).toBe(true);
    // Stored = acknowledged ∪ retried: every event once, none twice.
    for (const [i, runId] of runIds.entries()) {
      const run = await call(second.url, 'GET', `/api/v1/lineage/runs/${runId}`);
      expect(run.body.events, `event ${i}`).toHaveLength(1);
    }
  });
});
