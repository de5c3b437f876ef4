import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, compliantDescriptor, productPath, startQuanta, type QuantaProcess } from '../src/index.js';

// F5 (research/perf-reliability.md §3.4): the data directory's disk fills up under registrations.
// A small tmpfs is the disk; mounting one needs root (CAP_SYS_ADMIN): without it the suite says so
// and skips. Pass: 503 with Retry-After, no acknowledged write lost, nothing refused stored, the
// process stays up, and writes succeed again once space is freed, without a restart.
const dir = mkdtempSync(join(tmpdir(), 'quanta-disk-full-'));
const mount = (options: string) => spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
const mounted = mount('size=16m,mode=0700');
const unavailable = mounted.status === 0 ? undefined : `cannot mount a small tmpfs to fill (${(mounted.stderr || mounted.error?.message || '').trim()}); needs root`;
if (unavailable) console.warn(`disk-full fault suite skipped: ${unavailable}`);

const BASE = 'https://disk-full.example/products';
const product = (i: number) =>
  compliantDescriptor(BASE, `p-${i}`, {
    description: `Product ${i} of the disk-full suite. ${'A long description that takes room on the disk. '.repeat(300)}`.slice(0, 19_000),
  });

describe.skipIf(unavailable !== undefined)('the disk fills up (F5)', () => {
  let q: QuantaProcess;
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const statuses = new Map<number, number>();
  let withoutRetryAfter = 0;

  beforeAll(async () => {
    q = await startQuanta({ dataDir: dir });
    // Four writers until the disk has refused a good number of writes: bounded by count too.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < 5_000 && (statuses.get(503) ?? 0) < 40) {
          const i = next++;
          const res = await call(q.url, 'PUT', '/api/v1/products', product(i));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) acknowledged.push(`${BASE}/p-${i}`);
          else refused.push(`${BASE}/p-${i}`);
          if (res.status === 503 && !res.headers.get('retry-after')) withoutRetryAfter++;
        }
      }),
    );
    console.log(`disk full after ${acknowledged.length} registrations; answers ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 300_000);
  afterAll(async () => {
    await q?.stop();
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After once the disk is full, never a 500, and stays up for reads', async () => {
    expect(acknowledged.length).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(withoutRetryAfter).toBe(0);
    // SQLite can win back room after the writers stop (a checkpoint shrinks its write-ahead log), so
    // the next write may still fit: write on, one at a time, until the disk refuses one again.
    let refusal: Awaited<ReturnType<typeof call>> | undefined;
    let fitted = 0;
    for (let i = 9_000; i < 9_200 && refusal === undefined; i++) {
      const res = await call(q.url, 'PUT', '/api/v1/products', product(i));
      expect([201, 503]).toContain(res.status);
      if (res.status === 201) {
        acknowledged.push(`${BASE}/p-${i}`);
        fitted += 1;
      } else {
        refused.push(`${BASE}/p-${i}`);
        refusal = res;
      }
    }
    console.log(`after the writers stopped, ${fitted} more registrations fit before the disk refused one`);
    expect(refusal?.status).toBe(503);
    expect(refusal?.headers.get('retry-after')).toBeTruthy();
    expect(refusal?.body).toMatchObject({ type: '/api/v1/problems/unavailable', detail: expect.stringMatching(/cannot write to its disk .*nothing of this request was stored/) });
    expect((await call(q.url, 'GET', productPath(acknowledged[0] as string))).status).toBe(200);
    expect((await call(q.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('takes writes again once space is freed, without a restart', async () => {
    expect(mount('remount,size=256m').status).toBe(0);
    const again = await call(q.url, 'PUT', '/api/v1/products', product(10_000));
    expect(again.status).toBe(201);
    acknowledged.push(`${BASE}/p-10000`);
  });

  it('kept every acknowledged registration and none it refused, across a restart', async () => {
    await q.stop();
    q = await q.restart();
    for (const iri of acknowledged) expect((await call(q.url, 'GET', productPath(iri))).status, iri).toBe(200);
    for (const iri of refused.slice(0, 40)) expect((await call(q.url, 'GET', productPath(iri))).status, iri).toBe(404);
  });
});
