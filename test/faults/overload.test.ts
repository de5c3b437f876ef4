import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, overload, type OverloadReport, startQuanta, storedIris, type QuantaProcess } from '../src/index.js';

// Load at 5× the measured capacity (research/perf-reliability.md §3.4 F7, §3.3 invariants 1, 4
// and 5) against a real server with its default limits, on loopback, bounded in time and count.
// The full 60-second run with its figures is test/bench/overload.ts; this one runs 15 seconds.
const TEAMS = ['overload-a', 'overload-b', 'overload-c', 'overload-d', 'overload-e', 'overload-f', 'overload-g', 'overload-h'];
const BASE = 'https://overload.example/products';

describe('overload at 5× capacity (F7)', () => {
  let q: QuantaProcess;
  let report: OverloadReport;
  beforeAll(async () => {
    q = await startQuanta();
    const tokens: string[] = [];
    for (const team of TEAMS) tokens.push((await call(q.url, 'POST', '/api/v1/admin/tokens', { name: `${team} CI`, role: 'owner', team })).body.secret as string);
    report = await overload(q, { body: (i, team) => compliantDescriptor(BASE, `p-${i}`, { owner: { team } }) as { id: string }, teams: TEAMS, tokens, seconds: 15 });
    const { acceptedLatencies: l, ...figures } = report;
    const pct = (p: number) => l[Math.min(l.length - 1, Math.floor((p / 100) * l.length))]?.toFixed(0);
    console.log(`overload: capacity ${report.capacity.toFixed(1)}/s, offered ${report.offered}/s for 15 s; statuses ${JSON.stringify(figures.statuses)}; accepted p50 ${pct(50)} ms p95 ${pct(95)} ms; RSS ${figures.rssMiB.before.toFixed(0)} → peak ${figures.rssMiB.peak.toFixed(0)} MiB`);
  }, 180_000);
  afterAll(async () => {
    await q?.stop();
    q?.cleanup();
  });

  it('answers only 2xx, 429 or 503 beyond capacity, each refusal with Retry-After', () => {
    const statuses = Object.keys(report.statuses).map(Number);
    expect(statuses.filter((s) => ![201, 429, 503].includes(s))).toEqual([]);
    expect(report.statuses[201]).toBeGreaterThan(0);
    // It was overloaded: some requests were turned away, rather than every one queued.
    expect((report.statuses[429] ?? 0) + (report.statuses[503] ?? 0)).toBeGreaterThan(0);
    expect(report.withoutRetryAfter).toBe(0);
  });

  it('stored every acknowledged registration and none it turned away', async () => {
    const stored = await storedIris(q);
    expect(report.acknowledged.filter((iri) => !stored.has(iri))).toEqual([]);
    expect(report.refused.filter((iri) => stored.has(iri))).toEqual([]);
  });

  it('keeps its memory within the budget and serves normally once the load is gone', async () => {
    expect(report.rssMiB.peak).toBeLessThan(1536); // DESIGN.md / perf-reliability.md §3.1: API + gateway ≤ 1.5 GiB
    expect((await call(q.url, 'GET', '/readyz')).status).toBe(200);
    expect((await call(q.url, 'PUT', '/api/v1/products', compliantDescriptor(BASE, 'after'))).status).toBe(201);
  });
});
