import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CLI, ROOT, call, compliantDescriptor, startQuanta, type QuantaProcess } from '../src/index.js';

const BASE = 'https://cli.example/products';

/** The real `quanta` binary, as a developer's shell or a CI job runs it. */
const quanta = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the quanta CLI against a running server (issue 11)', () => {
  let q: QuantaProcess;
  const dir = mkdtempSync(join(tmpdir(), 'quanta-cli-'));
  const file = (name: string, body: unknown, yaml = true) => {
    const path = join(dir, `${name}.${yaml ? 'yaml' : 'json'}`);
    writeFileSync(path, yaml ? stringify(body) : JSON.stringify(body));
    return path;
  };
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
    const run = quanta('validate', good, '--url', q.url);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`✓ ${good}: valid\n`);
    expect(run.status).toBe(0);
    expect((await call(q.url, 'GET', `/api/v1/products/${encodeURIComponent(`${BASE}/tidal-readings`)}`)).status).toBe(404);
  });

  it('refuses a descriptor that breaks a policy or the schema: exit 1, each finding with its place and its fix', () => {
    const policy = file('portless', compliantDescriptor(BASE, 'terse', { outputPorts: [], description: 'Too short.' }));
    const schema = file('no-domain', { ...compliantDescriptor(BASE, 'homeless'), domain: undefined }, false);
    const run = quanta('validate', policy, schema, '--url', q.url);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    // Files are taken in path order: no-domain.json, then portless.yaml.
    expect(lines).toContainEqual(`✗ ${policy}: The product breaks a global policy: Declare at least one output port in outputPorts, so consumers know how to read the product.`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}violation \/outputPorts: Declare at least one output port/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}warning \/description: .*\b50 characters\b/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^✗ ${schema}: `)));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}error \/domain: /));
    const json = JSON.parse(quanta('validate', policy, '--url', q.url, '--json').stdout) as { path: string; result: { valid: boolean; findings: { severity: string; path: string }[] } }[];
    expect(json[0]?.result).toMatchObject({ valid: false, findings: expect.arrayContaining([expect.objectContaining({ severity: 'Violation', path: '/outputPorts' })]) });
  });

  it('searches as the UI does, in words or as JSON', async () => {
    const reg = quanta('register', file('reg', compliantDescriptor(BASE, 'estuary-salinity', { title: 'Estuary salinity' })), '--url', q.url);
    expect(reg.status).toBe(0);
    const run = quanta('search', 'estuary', 'salinty', '--url', q.url);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1 product for “estuary salinty”:\n {2}1\. Estuary salinity \(estuary-salinity\) {2}listener · listener-insights · active · score \d\.\d{3}\n/);
    expect(run.stdout).toContain(`${BASE}/estuary-salinity`);
    const json = JSON.parse(quanta('search', 'estuary', '--url', q.url, '--json').stdout) as { total: number; hits: { product: { name: string } }[] };
    expect(json.hits[0]?.product.name).toBe('estuary-salinity');
    expect(quanta('search', 'zzzz-nothing', '--url', q.url).stdout).toBe('no data product matches “zzzz-nothing”\n');
  });

  it('exports a registered product as the YAML it came from, and as Turtle and JSON-LD', async () => {
    const registered = compliantDescriptor(BASE, 'harbour-depths', { title: 'Harbour depths', tags: ['sonar'], status: 'active' });
    expect(quanta('register', file('harbour', registered), '--url', q.url).status).toBe(0);
    const iri = `${BASE}/harbour-depths`;
    const yaml = quanta('export', iri, '--url', q.url);
    expect(yaml.status).toBe(0);
    expect(parse(yaml.stdout)).toEqual(registered);
    const turtle = quanta('export', iri, '--format', 'turtle', '--url', q.url);
    expect(turtle.stdout).toContain(`<${iri}>`);
    expect(turtle.stdout).toMatch(/dprod:DataProduct/);
    const jsonld = JSON.parse(quanta('export', iri, '--format', 'jsonld', '--url', q.url).stdout) as unknown;
    expect(JSON.stringify(jsonld)).toContain(iri);
    const unknown = quanta('export', `${BASE}/never-registered`, '--url', q.url);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^quanta: 404 /);
    expect(quanta('export', iri, '--format', 'xml', '--url', q.url).stderr).toMatch(/Allowed choices are yaml, jsonld, turtle/);
  });

  it('replays an OpenLineage file (Marquez\'s own test events, one per line), each event once, naming bad lines', async () => {
    const apples = join(ROOT, '..', 'shared', 'fixtures', 'marquez', 'api', 'src', 'test', 'resources', 'apples');
    const events = ['1_pick_apples', '2_apple_filling', '3_apple_cider', '5_apple_vinegar', '6_apple_pie'].map((n) => JSON.stringify(JSON.parse(readFileSync(join(apples, `${n}.json`), 'utf8'))));
    const path = join(dir, 'kitchen.ndjson');
    // Line 3 is not JSON; line 5 is JSON but not an OpenLineage event.
    writeFileSync(path, [events[0], events[1], '{"eventType": "COMPLETE",', events[2], '{"eventType":"COMPLETE"}', events[3], events[4], ''].join('\n'));
    const run = quanta('lineage', 'replay', path, '--url', q.url);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('5 stored, 0 already stored, 2 failed');
    expect(lines[1]).toMatch(new RegExp(`^✗ ${path}:3: not JSON`));
    expect(lines[2]).toMatch(new RegExp(`^✗ ${path}:5: `));
    const again = quanta('lineage', 'replay', path, '--url', q.url);
    expect(again.stdout.split('\n')[0]).toBe('0 stored, 5 already stored, 2 failed');
    const graph = await call(q.url, 'GET', '/api/v1/lineage?nodeId=job:grandmas.kitchen:gather_apples&depth=1');
    expect(graph.status).toBe(200);
    expect(graph.body.graph.map((n: { id: string }) => n.id)).toContain('job:grandmas.kitchen:gather_apples');
  });

  it('says what went wrong when the server cannot be reached', () => {
    const run = quanta('search', 'anything', '--url', 'http://127.0.0.1:1');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^quanta: /);
  });
});
