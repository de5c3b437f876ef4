import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closedPort, DESCRIPTOR, pause, settledWithin, sidecarHarness, useFakeClock, waitFor, waitsExactly } from './testing/harness.js';
import type { SidecarEvent } from './types.js';

const PUT = (r: { method: string }) => r.method === 'PUT';
const retries = (events: SidecarEvent[]) => events.filter((e) => e.type === 'retrying' && e.what === 'registration') as Extract<SidecarEvent, { type: 'retrying' }>[];

describe('registering with Quanta', () => {
  const h = sidecarHarness();
  const dir = mkdtempSync(join(tmpdir(), 'quanta-sidecar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('PUTs the descriptor as JSON with the bearer token, and says how it went', async () => {
    const fake = await h.fake();
    const { sidecar, events } = h.start({ server: fake.url, token: 's3cret' });
    expect(await sidecar.registered).toEqual({ outcome: 'created', iri: DESCRIPTOR.id, revision: 1 });
    const [put, ...more] = fake.to('PUT', '/api/v1/products');
    expect(more).toEqual([]);
    expect(put?.headers.authorization).toBe('Bearer s3cret');
    expect(put?.headers['content-type']).toBe('application/json');
    expect(put?.json).toEqual(DESCRIPTOR);
    expect(events).toContainEqual({ type: 'registered', outcome: 'created', iri: DESCRIPTOR.id, revision: 1 });
  });

  it('sends a YAML file as YAML and a JSON file as JSON, and takes the IRI from the answer', async () => {
    const fake = await h.fake();
    const yaml = join(dir, 'descriptor.yaml');
    writeFileSync(yaml, 'id: https://tides.example/products/coast/from-yaml\nname: from-yaml\n');
    const json = join(dir, 'descriptor.json');
    writeFileSync(json, JSON.stringify({ ...DESCRIPTOR, id: 'https://tides.example/products/coast/from-json' }));
    const fromYaml = h.start({ server: fake.url, descriptor: yaml }).sidecar;
    expect(await fromYaml.registered).toMatchObject({ outcome: 'created', iri: 'https://tides.example/products/coast/from-yaml' });
    const fromJson = h.start({ server: fake.url, descriptor: json }).sidecar;
    expect(await fromJson.registered).toMatchObject({ outcome: 'created', iri: 'https://tides.example/products/coast/from-json' });
    const [first, second] = fake.to('PUT', '/api/v1/products');
    expect(first?.headers['content-type']).toBe('application/yaml');
    expect(first?.body).toBe('id: https://tides.example/products/coast/from-yaml\nname: from-yaml\n');
    expect(second?.headers['content-type']).toBe('application/json');
    expect(first?.headers.authorization).toBeUndefined();
  });

  it('waits longer after each failure while Quanta is unreachable, and registers once it listens', async () => {
    const port = await closedPort();
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999); // no jitter: each wait is its ceiling
    const { sidecar, events } = h.start({ server: `http://127.0.0.1:${port}`, retry: { minMs: 20, maxMs: 160 } });
    await waitFor(() => retries(events).length === 1);
    for (const ceiling of [40, 80, 160, 160]) {
      expect(retries(events).at(-1)?.delayMs).toBe(ceiling);
      await waitsExactly(ceiling, () => retries(events).length);
    }
    retries(events).forEach((e, i) => {
      expect(e.attempt).toBe(i + 1);
      expect(e.reason).toBe('ECONNREFUSED');
    });
    const fake = await h.fake(port);
    await waitsExactly(160, () => fake.requests.length);
    expect(await sidecar.registered).toMatchObject({ outcome: 'created' });
    expect(fake.to('PUT', '/api/v1/products')).toHaveLength(1);
  });

  it('retries 5xx and 429, never sooner than Retry-After asks', async () => {
    const fake = await h.fake();
    fake.script(PUT, { status: 503, headers: { 'Retry-After': '1' }, body: { detail: 'the graph is busy' } }, { status: 429 }, 'reset');
    useFakeClock();
    const { sidecar, events } = h.start({ server: fake.url }); // backoff of 10 to 20 ms at first: Retry-After decides
    await waitFor(() => retries(events).length === 1);
    expect(retries(events)[0]?.delayMs).toBe(1_000);
    await waitsExactly(1_000, () => fake.requests.length);
    for (const n of [2, 3]) {
      await waitFor(() => retries(events).length === n);
      await waitsExactly(retries(events)[n - 1]!.delayMs, () => fake.requests.length);
    }
    expect(await sidecar.registered).toMatchObject({ outcome: 'created' });
    const puts = fake.to('PUT', '/api/v1/products');
    expect(puts).toHaveLength(4);
    expect(puts[1]!.at - puts[0]!.at).toBe(1_000); // the faked clock: exactly what Retry-After asked
    expect(retries(events).map((e) => e.reason)).toEqual(['503 the graph is busy', '429 Too Many Requests', expect.any(String)]);
  });

  it('retries 401 and 403 at the long end of the backoff, saying what the server said', async () => {
    const fake = await h.fake();
    fake.script(PUT, { status: 401, body: { title: 'Unauthorized', detail: 'the token has expired' } }, { status: 403, body: { detail: 'this token may not register products' } });
    useFakeClock();
    const { sidecar, events } = h.start({ server: fake.url, token: 'old', retry: { minMs: 10, maxMs: 30_000 } });
    await waitFor(() => retries(events).length === 1);
    await waitsExactly(30_000, () => fake.requests.length);
    await waitFor(() => retries(events).length === 2);
    await waitsExactly(30_000, () => fake.requests.length);
    expect(await sidecar.registered).toMatchObject({ outcome: 'created' });
    expect(retries(events)).toEqual([
      { type: 'retrying', what: 'registration', attempt: 1, delayMs: 30_000, reason: '401 the token has expired (check the token)' },
      { type: 'retrying', what: 'registration', attempt: 2, delayMs: 30_000, reason: '403 this token may not register products (check the token)' },
    ]);
  });

  it.each([400, 404, 409, 413, 422])('does not retry a %i: registration is refused', async (status) => {
    const fake = await h.fake();
    fake.script(PUT, { status, body: { detail: `refused with ${status}` } });
    const { sidecar } = h.start({ server: fake.url });
    expect(await sidecar.registered).toEqual({ outcome: 'refused', status, detail: `refused with ${status}` });
    await pause(100); // several backoffs of FAST
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry a refusal: registered resolves with the detail, the log says it, and uses are not taken', async () => {
    const fake = await h.fake();
    const problem = {
      type: '/api/v1/problems/policy-violation',
      title: 'The product breaks a global policy',
      status: 422,
      detail: 'The product breaks a global policy: Describe the product in at least 50 characters.',
      errors: [{ pointer: '/description', message: 'Describe the product in at least 50 characters.' }],
    };
    fake.script((r) => r.method === 'PUT', { status: 422, body: problem });
    const { sidecar, events } = h.start({ server: fake.url, usageEveryMs: 10, sloChecks: { everyMs: 10, run: async () => [{ metric: 'freshness', passed: true }] } });
    expect(sidecar.recordUse('analytics')).toBe(true); // buffered until Quanta answers
    const refused = { outcome: 'refused', status: 422, detail: 'The product breaks a global policy: Describe the product in at least 50 characters. (/description Describe the product in at least 50 characters.)' };
    expect(await sidecar.registered).toEqual(refused);
    expect(sidecar.recordUse('analytics')).toBe(false);
    await pause(200); // a dozen backoffs and ticks
    expect(fake.requests).toHaveLength(1);
    const event = events.find((e) => e.type === 'refused');
    expect(event).toEqual({ type: 'refused', what: 'registration', status: 422, detail: refused.detail, dropped: expect.any(Number) });
    expect(event?.type === 'refused' && event.dropped).toBeGreaterThanOrEqual(1); // the use, and any check run meanwhile
  });

  it('refuses, rather than throws, a descriptor file it cannot read or a server that is not a URL', async () => {
    const missing = h.start({ server: 'http://127.0.0.1:1', descriptor: join(dir, 'missing.yaml') }).sidecar;
    expect(await missing.registered).toMatchObject({ outcome: 'refused', detail: expect.stringMatching(/cannot read the descriptor file .*missing\.yaml: ENOENT/) });
    const typo = h.start({ server: 'localhost:4000' }).sidecar;
    expect(await typo.registered).toMatchObject({ outcome: 'refused', detail: expect.stringMatching(/localhost:4000 is not an http\(s\) URL/) });
  });

  it('starts no timer for a server that is not a URL, and stops at once', async () => {
    useFakeClock();
    const { sidecar } = h.start({ server: 'not a url', usageEveryMs: 1_000, sloChecks: { everyMs: 1_000, run: async () => [] } });
    expect(await sidecar.registered).toMatchObject({ outcome: 'refused' });
    expect(vi.getTimerCount()).toBe(0); // refused synchronously: nothing would ever clear an interval started after
    expect(await settledWithin(sidecar.stop(), 1_000)).toBe('settled'); // with no time passing on the faked clock
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends registration as stopped when stop() comes first', async () => {
    useFakeClock();
    const { sidecar, events } = h.start({ server: `http://127.0.0.1:${await closedPort()}`, retry: { minMs: 5_000, maxMs: 10_000 } });
    await waitFor(() => retries(events).length === 1);
    // No time passes on the faked clock: stop() settles only if it ends the 5 s wait itself.
    expect(await settledWithin(sidecar.stop(), 2_000)).toBe('settled');
    expect(await sidecar.registered).toEqual({ outcome: 'stopped' });
  });

  it('keeps no timer that holds the process open', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const { events } = h.start({ server: `http://127.0.0.1:${await closedPort()}`, retry: { minMs: 5_000, maxMs: 10_000 }, sloChecks: { everyMs: 1_000, run: async () => [] } });
    await waitFor(() => retries(events).length === 1); // now waiting between attempts, with its intervals set
    expect(timers()).toBe(before);
  });

  it('survives a log that throws', async () => {
    const fake = await h.fake();
    const { sidecar } = h.start({
      server: fake.url,
      log: () => {
        throw new Error('the log is broken');
      },
    });
    expect(await sidecar.registered).toMatchObject({ outcome: 'created' });
  });
});
