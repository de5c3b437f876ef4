import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newTokenSecret } from '@quanta/model';
import { call, freePort, productPath, ROOT, startQuanta, type QuantaProcess } from '../src/index.js';

// The example data product (ingest/examples/tide-gauge) as a real process beside a real Quanta:
// it registers itself through the sidecar, runs its SLO checks every 200 ms and reports who reads
// it. Its second life starts before Quanta, to show it waits for Quanta rather than failing.
const GAUGE_MAIN = join(ROOT, 'ingest', 'examples', 'tide-gauge', 'dist', 'main.js');
const IRI = 'https://tides.example/products/coast/tide-gauge';
const ANALYTICS = 'urn:quanta:team:analytics';

/** A running tide gauge: its address once it listens, and everything it printed. */
interface Gauge {
  readonly url: Promise<string>;
  readonly output: () => string;
  readonly exited: () => boolean;
  readonly stop: () => Promise<void>;
}

function startGauge(quantaUrl: string, token: string): Gauge {
  const child: ChildProcess = spawn(process.execPath, [GAUGE_MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', QUANTA_SERVER: quantaUrl, QUANTA_TOKEN: token, QUANTA_SLO_EVERY_MS: '200', QUANTA_USAGE_EVERY_MS: '200', QUANTA_RETRY_MAX_MS: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = eventually('the gauge to listen', async () => /tide-gauge listening on (http:\/\/\S+)/.exec(output)?.[1] ?? (exited ? fail(output) : undefined), 15_000);
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000); // its sidecar may take up to 5 s to flush
    await exit;
    clearTimeout(killer);
  };
  return { url, output: () => output, exited: () => exited, stop };
}

const fail = (output: string): never => {
  throw new Error(`the gauge exited:\n${output}`);
};

/** Polls `probe` until it gives a value, for at most `timeoutMs`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ProductUsage {
  product: { iri: string };
  reads: number;
  consumers: { total: number; new: string[] };
  slo: { guarantees: { name: string; checks: number; passed: number }[] };
}

/** The gauge in its owner team's usage report. */
async function gaugeUsage(q: QuantaProcess): Promise<ProductUsage | undefined> {
  const res = await call<{ products: ProductUsage[] }>(q.url, 'GET', '/api/v1/reports/usage?owner=coast-ops');
  expect(res.status).toBe(200);
  return res.body.products.find((p) => p.product.iri === IRI);
}

const registered = async (q: QuantaProcess) => ((await call(q.url, 'GET', productPath(IRI))).status === 200 ? true : undefined);

/** Reads the gauge as team analytics would. */
async function read(url: string, limit: number): Promise<unknown[]> {
  const res = await fetch(`${url}/readings?limit=${limit}`, { headers: { 'X-Consumer': 'analytics' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { readings: unknown[] }).readings;
}

describe('a data product registers itself through the sidecar (issue 11)', () => {
  const gauges: Gauge[] = [];
  const quantas: QuantaProcess[] = [];
  const cleanUp = async () => {
    await Promise.all(gauges.splice(0).map((g) => g.stop()));
    for (const q of quantas.splice(0)) {
      await q.stop();
      q.cleanup();
    }
  };
  afterAll(cleanUp);

  it('registers at start, reports its SLO checks, and counts who reads it', async () => {
    const q = await startQuanta();
    quantas.push(q);
    // The gauge's team's own token: it registers, checks and counts reads for coast-ops' products only.
    const owner = await call(q.url, 'POST', '/api/v1/admin/tokens', { name: 'tide gauge', role: 'owner', team: 'coast-ops' });
    const gauge = startGauge(q.url, owner.body.secret);
    gauges.push(gauge);
    const url = await gauge.url;
    await eventually('the gauge to be registered', () => registered(q));
    const product = await call(q.url, 'GET', productPath(IRI));
    expect(product.body.descriptor).toMatchObject({ domain: 'coast', owner: { team: 'coast-ops' } });

    const checked = await eventually('SLO checks of both guarantees', async () => {
      const usage = await gaugeUsage(q);
      return usage && usage.slo.guarantees.length > 0 && usage.slo.guarantees.every((g) => g.checks > 0) ? usage : undefined;
    });
    expect(checked.slo.guarantees.map((g) => g.name)).toEqual(['readings/freshness', 'readings/availability']);
    for (const g of checked.slo.guarantees) expect(g.passed).toBe(g.checks); // fresh and up
    expect(checked.reads).toBe(0); // its own availability probe is not a read

    for (const limit of [1, 5, 60]) expect((await read(url, limit)).length).toBeGreaterThanOrEqual(1);
    const used = await eventually('the reads to be reported', async () => {
      const usage = await gaugeUsage(q);
      return usage && usage.reads >= 3 ? usage : undefined;
    });
    expect(used.reads).toBe(3);
    expect(used.consumers.new).toEqual([ANALYTICS]);
    await cleanUp();
  });

  it('keeps serving while Quanta is down, and registers once Quanta comes up', async () => {
    const port = await freePort();
    // No Quanta yet to make it a token: it gets the admin token the Quanta below will start with.
    const adminToken = newTokenSecret();
    const gauge = startGauge(`http://127.0.0.1:${port}`, adminToken);
    gauges.push(gauge);
    const url = await gauge.url;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(gauge.exited()).toBe(false);
    expect(gauge.output()).toMatch(/quanta-sidecar: registration: ECONNREFUSED; retry [2-9] in \d+ ms/);
    expect(await read(url, 2)).toHaveLength(2); // it serves, and counts the read for later

    const q = await startQuanta({ port, adminToken });
    quantas.push(q);
    await eventually('the gauge to be registered', () => registered(q));
    // The gauge logs once it has read Quanta's answer, which can come after our own read of the product.
    const line = `quanta-sidecar: registered ${IRI} with Quanta (created, revision 1)`;
    await eventually('the gauge to log its registration', async () => (gauge.output().includes(line) ? true : undefined));
    const used = await eventually('the read made while Quanta was down', async () => {
      const usage = await gaugeUsage(q);
      return usage && usage.reads > 0 ? usage : undefined;
    });
    expect(used.reads).toBe(1);
    expect(used.consumers.new).toEqual([ANALYTICS]);
    expect(gauge.exited()).toBe(false);
  });
});
