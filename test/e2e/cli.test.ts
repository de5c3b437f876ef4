import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CLI, ROOT, call, compliantDescriptor, startQuanta, type QuantaProcess } from '../src/index.js';

const BASE = 'https://cli.example/products';

/** The real `quanta` binary, as a developer's shell or a CI job runs it, with `token` in QUANTA_TOKEN. */
const cliAs = (token: string | undefined, env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...(token && { QUANTA_TOKEN: token }), ...env } });

describe('the quanta CLI against a running server (issue 11)', () => {
  let q: QuantaProcess;
  const dir = mkdtempSync(join(tmpdir(), 'quanta-cli-'));
  const file = (name: string, body: unknown, yaml = true) => {
    const path = join(dir, `${name}.${yaml ? 'yaml' : 'json'}`);
    writeFileSync(path, yaml ? stringify(body) : JSON.stringify(body));
    return path;
  };
  const quanta = (...args: string[]) => cliAs(q.adminToken, {}, ...args);
  beforeAll(async () => {
    q = await startQuanta();
  });
  afterAll(async () => {
    await q?.stop();
    q?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates a good descriptor: exit 0, nothing stored', async () => {
    const good = file('good', compliantDescriptor(BASE, 'tidal-readings'));
    const run = quanta('validate', good, '--server', q.url);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`✓ ${good}: valid\n`);
    expect(run.status).toBe(0);
    expect((await call(q.url, 'GET', `/api/v1/products/${encodeURIComponent(`${BASE}/tidal-readings`)}`)).status).toBe(404);
  });

  it('refuses a descriptor that breaks a policy or the schema: exit 1, each finding with its place and its fix', () => {
    const policy = file('portless', compliantDescriptor(BASE, 'terse', { outputPorts: [], description: 'Too short.' }));
    const schema = file('no-domain', { ...compliantDescriptor(BASE, 'homeless'), domain: undefined }, false);
    const run = quanta('validate', policy, schema, '--server', q.url);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    // Files are taken in path order: no-domain.json, then portless.yaml.
    expect(lines).toContainEqual(`✗ ${policy}: The product breaks a global policy: Declare at least one output port in outputPorts, so consumers know how to read the product.`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}violation \/outputPorts: Declare at least one output port/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}warning \/description: .*\b50 characters\b/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^✗ ${schema}: `)));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}error \/domain: /));
    const json = JSON.parse(quanta('validate', policy, '--server', q.url, '--json').stdout) as { path: string; result: { valid: boolean; findings: { severity: string; path: string }[] } }[];
    expect(json[0]?.result).toMatchObject({ valid: false, findings: expect.arrayContaining([expect.objectContaining({ severity: 'Violation', path: '/outputPorts' })]) });
  });

  it('searches as the UI does, in words or as JSON', async () => {
    const reg = quanta('register', file('reg', compliantDescriptor(BASE, 'estuary-salinity', { title: 'Estuary salinity' })), '--server', q.url);
    expect(reg.status).toBe(0);
    const run = quanta('search', 'estuary', 'salinty', '--server', q.url);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1 product for “estuary salinty”:\n {2}1\. Estuary salinity \(estuary-salinity\) {2}listener · listener-insights · active · score \d\.\d{3}\n/);
    expect(run.stdout).toContain(`${BASE}/estuary-salinity`);
    const json = JSON.parse(quanta('search', 'estuary', '--server', q.url, '--json').stdout) as { total: number; hits: { product: { name: string } }[] };
    expect(json.hits[0]?.product.name).toBe('estuary-salinity');
    expect(quanta('search', 'zzzz-nothing', '--server', q.url).stdout).toBe('no data product matches “zzzz-nothing”\n');
  });

  it('exports a registered product as the YAML it came from, and as Turtle and JSON-LD', async () => {
    const registered = compliantDescriptor(BASE, 'harbour-depths', { title: 'Harbour depths', tags: ['sonar'], status: 'active' });
    expect(quanta('register', file('harbour', registered), '--server', q.url).status).toBe(0);
    const iri = `${BASE}/harbour-depths`;
    const yaml = quanta('export', iri, '--server', q.url);
    expect(yaml.status).toBe(0);
    expect(parse(yaml.stdout)).toEqual(registered);
    const turtle = quanta('export', iri, '--format', 'turtle', '--server', q.url);
    expect(turtle.stdout).toContain(`<${iri}>`);
    expect(turtle.stdout).toMatch(/dprod:DataProduct/);
    const jsonld = JSON.parse(quanta('export', iri, '--format', 'jsonld', '--server', q.url).stdout) as unknown;
    expect(JSON.stringify(jsonld)).toContain(iri);
    const unknown = quanta('export', `${BASE}/never-registered`, '--server', q.url);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^quanta: 404 /);
    expect(quanta('export', iri, '--format', 'xml', '--server', q.url).stderr).toMatch(/Allowed choices are yaml, jsonld, turtle/);
  });

  it('replays an OpenLineage file (Marquez\'s own test events, one per line), each event once, naming bad lines', async () => {
    const apples = join(ROOT, '..', 'shared', 'fixtures', 'marquez', 'api', 'src', 'test', 'resources', 'apples');
    const events = ['1_pick_apples', '2_apple_filling', '3_apple_cider', '5_apple_vinegar', '6_apple_pie'].map((n) => JSON.stringify(JSON.parse(readFileSync(join(apples, `${n}.json`), 'utf8'))));
    const path = join(dir, 'kitchen.ndjson');
    // Line 3 is not JSON; line 5 is JSON but not an OpenLineage event.
    writeFileSync(path, [events[0], events[1], '{"eventType": "COMPLETE",', events[2], '{"eventType":"COMPLETE"}', events[3], events[4], ''].join('\n'));
    const run = quanta('lineage', 'replay', path, '--server', q.url);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('5 stored, 0 already stored, 2 failed');
    expect(lines[1]).toMatch(new RegExp(`^✗ ${path}:3: not JSON`));
    expect(lines[2]).toMatch(new RegExp(`^✗ ${path}:5: `));
    const again = quanta('lineage', 'replay', path, '--server', q.url);
    expect(again.stdout.split('\n')[0]).toBe('0 stored, 5 already stored, 2 failed');
    const graph = await call(q.url, 'GET', '/api/v1/lineage?nodeId=job:grandmas.kitchen:gather_apples&depth=1');
    expect(graph.status).toBe(200);
    expect(graph.body.graph.map((n: { id: string }) => n.id)).toContain('job:grandmas.kitchen:gather_apples');
  });

  it('registers a folder of 500 descriptors with progress on standard error and a summary; again, all unchanged', async () => {
    const folder = join(dir, 'fleet');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    for (let i = 0; i < 500; i += 1) {
      const name = `buoy-${String(i).padStart(3, '0')}`;
      // Half in a subfolder, half as JSON: folders are searched recursively, both formats read.
      const path = join(folder, i % 2 ? 'nested' : '', `${name}.${i % 4 === 0 ? 'json' : 'yaml'}`);
      const body = compliantDescriptor(BASE, name, { tags: ['fleet'] });
      writeFileSync(path, i % 4 === 0 ? JSON.stringify(body) : stringify(body));
    }
    const run = quanta('register', folder, '--server', q.url);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('500 created, 0 updated, 0 unchanged, 0 failed\n');
    // Without a terminal, progress is a line when it starts and at each tenth of the way (on a terminal, a bar).
    const progress = run.stderr.split('\n').filter(Boolean);
    expect(progress).toEqual([1, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500].map((n) => `  registering ${n}/500 descriptors`));
    // Read back through the CLI too: spawnSync held this process's event loop for the whole run, so a
    // pooled fetch connection the server closed meanwhile would fail here for the harness's sake.
    for (const name of ['buoy-000', 'buoy-499']) expect(JSON.parse(quanta('export', `${BASE}/${name}`, '--json', '--server', q.url).stdout)).toMatchObject({ name, tags: ['fleet'] });
    const json = JSON.parse(quanta('register', folder, '--server', q.url, '--json').stdout) as { created: number; unchanged: number; failed: unknown[] };
    expect(json).toEqual({ created: 0, updated: 0, unchanged: 500, failed: [] });
  });

  it('exits 3 when the server cannot be reached, 2 on a wrong command line, and reads the server from QUANTA_SERVER', () => {
    const run = quanta('search', 'anything', '--server', 'http://127.0.0.1:1');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^quanta: cannot reach Quanta at http:\/\/127\.0\.0\.1:1 .*is it running\?/);
    const json = quanta('search', 'anything', '--server', 'http://127.0.0.1:1', '--json');
    expect(JSON.parse(json.stderr)).toEqual({ error: expect.stringContaining('cannot reach Quanta') });
    expect(json.stdout).toBe('');
    const usage = quanta('import', 'x.yaml');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("required option '--from <standard>' not specified");
    expect(quanta('search', 'x', '--limit', 'ten', '--server', q.url).stderr).toMatch(/option '--limit <n>' argument 'ten' is invalid\. give a whole number from 1 to 100/);
    const server = quanta('search', 'x', '--server', 'localhost:4000');
    expect(server.status).toBe(2);
    expect(server.stderr).toMatch(/give the base URL of a running Quanta/);
    const badEnv = cliAs(q.adminToken, { QUANTA_SERVER: 'nowhere' }, 'search', 'x');
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr).toMatch(/^quanta: QUANTA_SERVER must be the base URL of a running Quanta/);
    // A folder of descriptors against a Quanta that is down: said once, exit 3, not one failure per file.
    const down = quanta('register', file('lonely', compliantDescriptor(BASE, 'lonely')), '--server', 'http://127.0.0.1:1');
    expect(down.status).toBe(3);
    expect(down.stdout).toBe('');
    const env = cliAs(q.adminToken, { QUANTA_SERVER: q.url }, 'search', 'estuary', '--json');
    expect(env.status).toBe(0);
    expect(JSON.parse(env.stdout)).toHaveProperty('total');
  });
});
