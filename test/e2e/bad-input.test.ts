import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorization, call, productPath, type QuantaProcess, ROOT, startQuanta } from '../src/index.js';

const IRI = 'https://e2e.example/products/stable';
const valid = {
  id: IRI,
  name: 'stable',
  title: 'Stable product',
  description: 'Registered once; every bad request below must leave it exactly as it is.',
  domain: 'player',
  owner: { team: 'player-analytics' },
  outputPorts: [{ name: 'events', kind: 'stream' }],
};
// Large enough for Marquez's event_large fixture (220 KB), which must be accepted.
const MAX_BODY = 256 * 1024;

// Lineage: one stored run, job e2e/base reading e2e/source and writing e2e/victim; every bad event
// below names that job, run or dataset, so a partial write would show in what `observe` reads.
const RUN = '7c1f2a3b-0000-4000-8000-00000000e2e0';
const lineageEvent = (over: Record<string, unknown> = {}) => ({
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T10:00:00Z',
  producer: 'https://e2e.example/producer',
  run: { runId: RUN },
  job: { namespace: 'e2e', name: 'base' },
  inputs: [{ namespace: 'e2e', name: 'source' }],
  outputs: [{ namespace: 'e2e', name: 'victim' }],
  ...over,
});
const MARQUEZ_EVENTS = join(ROOT, '..', 'shared', 'fixtures', 'marquez', 'api', 'src', 'test', 'resources', 'open_lineage');
const marquezEvent = (file: string) => readFileSync(join(MARQUEZ_EVENTS, file), 'utf8');
// An event with a job, run and datasets of its own: `absent` can show a refused one created nothing,
// and an accepted one leaves the stored run's neighbourhood (what `observe` reads) as it was.
let runs = 0;
const freshEvent = (job: string, over: Record<string, unknown> = {}) =>
  lineageEvent({
    run: { runId: `7c1f2a3b-0000-4000-8000-${String(++runs).padStart(12, '0')}` },
    job: { namespace: 'e2e', name: job },
    inputs: [{ namespace: 'e2e', name: `${job}.in` }],
    outputs: [{ namespace: 'e2e', name: `${job}.out` }],
    ...over,
  });
const SCHEMA_FACET = { _producer: 'https://e2e.example/producer', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json' };

/** An event whose datasets' dataSource facets name a real URI: event_large is otherwise valid. */
function withDataSourceUris(event: { inputs: { facets: { dataSource: { uri: string } } }[]; outputs: { facets: { dataSource: { uri: string } } }[] }) {
  for (const dataset of [...event.inputs, ...event.outputs]) dataset.facets.dataSource.uri = 'postgres://db.example:5432/mydb';
  return event;
}

/** The Marquez node ids `GET /api/v1/lineage` returns around `nodeId`, or its status when it is not 200. */
async function lineageAround(url: string, nodeId: string): Promise<string[] | number> {
  const res = await call(url, 'GET', `/api/v1/lineage?${new URLSearchParams({ nodeId, depth: '1' })}`);
  return res.status === 200 ? res.body.graph.map((n: { id: string }) => n.id) : res.status;
}

/** Everything a client can observe of the graph and the index. */
async function observe(url: string) {
  const list = await call(url, 'GET', '/api/v1/products?limit=500');
  const search = await call(url, 'GET', '/api/v1/search?q=&limit=100&status=draft,active,deprecated,retired');
  const stable = await call(url, 'GET', `${productPath(IRI)}/revisions`);
  const hits = search.body.hits.map((h: { product: { iri: string; revision: number } }) => [h.product.iri, h.product.revision]);
  const lineage = await call(url, 'GET', '/api/v1/lineage?nodeId=job:e2e:base&depth=10');
  const run = await call(url, 'GET', `/api/v1/lineage/runs/${RUN}`);
  return { list: list.body, search: { total: search.body.total, facets: search.body.facets, hits }, revisions: stable.body, lineage: lineage.body, run: run.body };
}

/** `absent`: Marquez node ids the request named, which must still be unknown to `GET /api/v1/lineage` after it. */
type Case = { name: string; method?: string; path?: string; body?: string; type?: string; status: number; kind: string; pointer?: string; detail?: RegExp; absent?: string[] };

const json = (v: unknown) => JSON.stringify(v);
const lineage = (body: string, path = '/api/v1/lineage') => ({ method: 'POST', path, body });
const CASES: Case[] = [
  { name: 'malformed JSON', body: '{"id": "https://e2e.example/products/x", ', status: 400, kind: 'malformed-body', detail: /Malformed JSON/ },
  { name: 'malformed YAML', body: 'id: [unclosed\nname: x', type: 'application/yaml', status: 400, kind: 'malformed-body', detail: /Malformed YAML/ },
  { name: 'duplicate YAML keys', body: 'name: a\nname: b\n', type: 'application/yaml', status: 400, kind: 'malformed-body' },
  { name: 'a YAML alias bomb', body: `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 60 }, (_, i) => `k${i}: [*a, *a, *a]`).join('\n')}\n`, type: 'application/yaml', status: 400, kind: 'malformed-body' },
  { name: 'an empty body', body: '  ', status: 400, kind: 'malformed-body', detail: /empty/ },
  { name: 'a JSON array instead of an object', body: '[]', status: 422, kind: 'validation-failed' },
  { name: 'an unknown top-level field', body: json({ ...valid, id: `${IRI}-2`, colour: 'blue' }), status: 422, kind: 'validation-failed', pointer: '', detail: /unknown field: colour/ },
  { name: 'an unknown nested field', body: json({ ...valid, outputPorts: [{ name: 'p', kind: 'table', colour: 'x' }] }), status: 422, kind: 'validation-failed', pointer: '/outputPorts/0' },
  { name: 'a missing domain', body: json({ ...valid, domain: undefined }), status: 422, kind: 'validation-failed', pointer: '/domain', detail: /domain is required/ },
  { name: 'a missing owner team', body: json({ ...valid, owner: {} }), status: 422, kind: 'validation-failed', pointer: '/owner/team' },
  { name: 'a wrong-typed field', body: json({ ...valid, name: 5 }), status: 422, kind: 'validation-failed', pointer: '/name', detail: /expected string, received number/ },
  { name: 'an owner that is a string', body: json({ ...valid, owner: 'player-analytics' }), status: 422, kind: 'validation-failed', pointer: '/owner', detail: /expected object/ },
  { name: 'a concept IRI with a broken %-escape', body: json({ ...valid, concepts: ['https://e2e.example/ont/Bad%ZZ'] }), status: 422, kind: 'validation-failed', pointer: '/concepts/0' },
  { name: 'a field concept with a broken %-escape', body: json({ ...valid, outputPorts: [{ name: 'p', kind: 'table', fields: [{ name: 'a', type: 'string', concept: 'https://e2e.example/ont/Bad%ZZ' }] }] }), status: 422, kind: 'validation-failed', pointer: '/outputPorts/0/fields/0/concept' },
  { name: 'a semantic model nested 5,000 deep', body: `{"id":"${IRI}","name":"stable","domain":"player","owner":{"team":"player-analytics"},"semanticModel":{"@graph":${'['.repeat(5000)}${']'.repeat(5000)}}}`, status: 422, kind: 'validation-failed', detail: /nested deeper than 64/ },
  { name: 'an id in the reserved urn:quanta: namespace', body: json({ ...valid, id: 'urn:quanta:domain:player' }), status: 422, kind: 'validation-failed', pointer: '/id' },
  { name: 'a product IRI that is another product\'s port', body: json({ ...valid, id: `${IRI}/ports/events`, name: 'squatter' }), status: 409, kind: 'conflict' },
  { name: 'a body that is not UTF-8', body: '\u0000', type: 'application/json', status: 400, kind: 'malformed-body' },
  { name: 'an id that is not an IRI', body: json({ ...valid, id: 'stable' }), status: 422, kind: 'validation-failed', pointer: '/id', detail: /absolute IRI/ },
  { name: 'an upstream product that is not an IRI', body: json({ ...valid, inputPorts: [{ product: 'listener profiles' }] }), status: 422, kind: 'validation-failed' },
  { name: 'a field concept that is not an IRI', body: json({ ...valid, outputPorts: [{ name: 'p', kind: 'table', fields: [{ name: 'a', type: 'string', concept: 'Listener' }] }] }), status: 422, kind: 'validation-failed', pointer: '/outputPorts/0/fields/0/concept' },
  { name: 'a bad port kind', body: json({ ...valid, outputPorts: [{ name: 'p', kind: 'carrier-pigeon' }] }), status: 422, kind: 'validation-failed', pointer: '/outputPorts/0/kind' },
  { name: 'duplicate port names', body: json({ ...valid, outputPorts: [{ name: 'p', kind: 'table' }, { name: 'p', kind: 'file' }] }), status: 422, kind: 'validation-failed', pointer: '/outputPorts/1/name' },
  { name: 'a name that is not a slug', body: json({ ...valid, name: 'Stable Product!' }), status: 422, kind: 'validation-failed', pointer: '/name' },
  { name: 'a remote @context', body: json({ ...valid, '@context': 'http://169.254.169.254/latest' }), status: 422, kind: 'validation-failed', pointer: '/@context' },
  { name: 'a text/plain body', body: json(valid), type: 'text/plain', status: 415, kind: 'unsupported-media-type' },
  { name: 'no content type', body: json(valid), type: '', status: 415, kind: 'unsupported-media-type' },
  { name: 'a body over the limit', body: json({ ...valid, description: 'x'.repeat(MAX_BODY) }), status: 413, kind: 'payload-too-large' },
  { name: 'an invalid update of the existing product', body: json({ ...valid, status: 'gone' }), status: 422, kind: 'validation-failed', pointer: '/status' },
  { name: 'an unknown query parameter', method: 'GET', path: '/api/v1/products?domian=player', status: 400, kind: 'invalid-parameter', detail: /domian/ },
  { name: 'a limit out of range', method: 'GET', path: '/api/v1/search?q=x&limit=100000', status: 400, kind: 'invalid-parameter', detail: /limit/ },
  { name: 'a forged cursor', method: 'GET', path: '/api/v1/products?cursor=bm9wZQ', status: 400, kind: 'invalid-parameter', detail: /cursor/ },
  { name: 'a status filter that does not exist', method: 'GET', path: '/api/v1/products?status=gone', status: 400, kind: 'invalid-parameter' },
  { name: 'a search status that does not exist', method: 'GET', path: '/api/v1/search?q=x&status=gone', status: 400, kind: 'invalid-parameter', detail: /status/ },
  { name: 'a product path that is not an IRI', method: 'GET', path: '/api/v1/products/stable', status: 400, kind: 'invalid-parameter' },
  { name: 'retiring an unknown product', method: 'DELETE', path: productPath('https://e2e.example/products/unknown'), status: 404, kind: 'not-found' },
  { name: 'an unsupported method', method: 'POST', path: productPath(IRI), status: 405, kind: 'method-not-allowed' },
  // Lineage (research/perf-reliability.md B1): each refused whole, nothing of it stored.
  { name: 'a lineage event without a UTC offset (Marquez fixture event_required_no_timezone)', ...lineage(marquezEvent('event_required_no_timezone.json')), status: 422, kind: 'validation-failed', pointer: '/eventTime', absent: ['job:my-namespace:myjob'] },
  // Filled from an OpenAPI sample, its dataSource uri is the word "string", which the facet's schema refuses (as services/openlineage's fixture test records).
  { name: 'Marquez fixture event_large (220 KB), whose dataSource uri is not a URI', ...lineage(marquezEvent('event_large.json')), status: 422, kind: 'validation-failed', pointer: '/inputs/0/facets/dataSource/uri', absent: ['job:my-scheduler-namespace:myjob.mytask', 'dataset:my-datasource-namespace:instance.schema.table'] },
  { name: 'a lineage event naming a 600-character dataset', ...lineage(json(freshEvent('long-name', { outputs: [{ namespace: 'e2e', name: 'v'.repeat(600) }] }))), status: 422, kind: 'validation-failed', pointer: '/outputs/0/name', detail: /600 characters long; at most 512/, absent: ['job:e2e:long-name'] },
  // Within 512 characters but 771 bytes of UTF-8: percent-encoded in an IRI, 512 such characters in a namespace and a name passed Neo4j's 8 KB index keys (a 500).
  { name: 'a lineage event naming a dataset of 257 CJK characters', ...lineage(json(freshEvent('wide-name', { outputs: [{ namespace: 'e2e', name: '文'.repeat(257) }] }))), status: 422, kind: 'validation-failed', pointer: '/outputs/0/name', detail: /771 bytes long in UTF-8; at most 768/, absent: ['job:e2e:wide-name'] },
  { name: 'a lineage event whose nested schema field has a dotted name over 512 characters', ...lineage(json(freshEvent('deep-name', { outputs: [{ namespace: 'e2e', name: 'nested', facets: { schema: { ...SCHEMA_FACET, fields: [{ name: 'a'.repeat(300), fields: [{ name: 'b'.repeat(300) }] }] } } }] }))), status: 422, kind: 'validation-failed', pointer: '/outputs/0/facets/schema/fields/0/fields/0/name', absent: ['job:e2e:deep-name', 'dataset:e2e:nested'] },
  { name: 'a lineage event with an empty job name', ...lineage(json(lineageEvent({ job: { namespace: 'e2e', name: '' } }))), status: 422, kind: 'validation-failed', pointer: '/job/name' },
  { name: 'a lineage event with a lone surrogate', ...lineage(json(freshEvent('surrogate')).replace('"surrogate.out"', '"surrogate.out\\ud800"')), status: 422, kind: 'validation-failed', pointer: '/outputs/0/name', detail: /well-formed Unicode/, absent: ['job:e2e:surrogate'] },
  // B2: a 10 MB event is refused by its size while it streams in; one nested 10,000 deep by its depth.
  { name: 'a lineage event of 10 MB (B2)', ...lineage(`{"eventType":"START","padding":"${'a'.repeat(10 * 1024 * 1024)}"}`), status: 413, kind: 'payload-too-large' },
  { name: 'a lineage event nested 10,000 deep (B2)', ...lineage(`{"eventType":"START","eventTime":"2026-03-01T10:00:00Z","producer":"https://e2e.example","run":{"runId":"0b9e6a43-3d1f-4c5e-9a7b-2f1e0c9d8a71","facets":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}},"job":{"namespace":"e2e","name":"deep-event"}}`), status: 422, kind: 'validation-failed', absent: ['job:e2e:deep-event'] },
  { name: 'a lineage event that is not JSON', ...lineage('{"eventType": "COMPLETE", '), status: 400, kind: 'malformed-body' },
  { name: 'a JSON array sent as one lineage event', ...lineage(json([freshEvent('in-array')])), status: 422, kind: 'validation-failed', absent: ['job:e2e:in-array'] },
  // 1,001 events, the last a valid one: refused whole before any is read (empty objects keep the body small).
  { name: 'a lineage batch of 1,001 events', ...lineage(json([...Array.from({ length: 1000 }, () => ({})), freshEvent('in-big-batch')]), '/api/v1/lineage/batch'), status: 422, kind: 'validation-failed', detail: /at most 1000 events/, absent: ['job:e2e:in-big-batch'] },
  { name: 'a lineage event re-using the run id under another job', ...lineage(json(lineageEvent({ eventTime: '2026-03-01T10:05:00Z', job: { namespace: 'e2e', name: 'thief' } }))), status: 409, kind: 'conflict', detail: /another job/ },
  { name: 'a stored lineage event resent with other content', ...lineage(json(lineageEvent({ outputs: [{ namespace: 'e2e', name: 'elsewhere' }] }))), status: 409, kind: 'conflict' },
  { name: 'a lineage batch that is not an array', ...lineage(json(lineageEvent()), '/api/v1/lineage/batch'), status: 422, kind: 'validation-failed' },
  { name: 'a lineage depth past 10', method: 'GET', path: '/api/v1/lineage?nodeId=job:e2e:base&depth=11', status: 400, kind: 'invalid-parameter', detail: /depth/ },
  { name: 'a lineage node id that is not one', method: 'GET', path: '/api/v1/lineage?nodeId=table:e2e:base', status: 400, kind: 'invalid-parameter' },
];

describe('bad input gets a clear problem and changes nothing', () => {
  let q: QuantaProcess;
  let before: Awaited<ReturnType<typeof observe>>;
  beforeAll(async () => {
    q = await startQuanta({ env: { QUANTA_MAX_BODY_BYTES: String(MAX_BODY) } });
    expect((await call(q.url, 'PUT', '/api/v1/products', valid)).status).toBe(201);
    expect((await call(q.url, 'POST', '/api/v1/lineage', lineageEvent())).status).toBe(201);
    before = await observe(q.url);
    expect(before.run).toMatchObject({ state: 'COMPLETE' });
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
  });

  it.each(CASES)('$name → $status $kind', async (c) => {
    const method = c.method ?? 'PUT';
    const headers: Record<string, string> = { ...authorization(q.url) };
    if (c.body !== undefined && c.type !== '') headers['Content-Type'] = c.type ?? 'application/json';
    const body = c.name === 'a body that is not UTF-8' ? new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) : c.body;
    const res = await fetch(new URL(c.path ?? '/api/v1/products', q.url), { method, body, headers });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { type: string; status: number; detail: string; errors?: { pointer: string; message: string }[] };
    expect(problem.type).toBe(`/api/v1/problems/${c.kind}`);
    expect(problem.status).toBe(c.status);
    expect(problem.detail.length).toBeGreaterThan(10);
    if (c.detail) expect(problem.detail).toMatch(c.detail);
    if (c.pointer !== undefined) expect(problem.errors?.map((e) => e.pointer)).toContain(c.pointer);
    for (const nodeId of c.absent ?? []) expect([nodeId, await lineageAround(q.url, nodeId)]).toEqual([nodeId, 404]);
    expect(await observe(q.url)).toEqual(before);
  });

  // Runs after the refusals above: event_required_nanoseconds is the no-timezone event done right, same run and job.
  const atTheBound = freshEvent('at-the-bound', {
    outputs: [{ namespace: '中'.repeat(256), name: '文'.repeat(256), facets: { schema: { ...SCHEMA_FACET, fields: [{ name: '字'.repeat(256), type: 'VARCHAR' }] } } }],
  });
  it.each([
    { name: 'Marquez fixture event_required_nanoseconds', body: marquezEvent('event_required_nanoseconds.json'), node: 'job:my-namespace:myjob' },
    // The spec's BaseEvent requires schemaURL, but Marquez takes events without it and real
    // producers omit it: accepted on purpose (services/openlineage/src/validate-event.ts).
    { name: 'Marquez fixture event_without_schema_url', body: marquezEvent('event_without_schema_url.json'), node: 'job:my-scheduler-namespace:myjob' },
    // No eventType at all: the spec allows it (an event that only adds metadata to its run).
    { name: 'Marquez fixture event_required_only', body: marquezEvent('event_required_only.json'), node: 'job:my-namespace:myjob' },
    { name: 'Marquez fixture event_unicode', body: marquezEvent('event_unicode.json'), node: 'job:my-scheduler-namespace:myjob.buggy_task🕷' },
    { name: 'Marquez fixture event_large (220 KB) with its dataSource uris made URIs', body: json(withDataSourceUris(JSON.parse(marquezEvent('event_large.json')))), node: 'dataset:my-datasource-namespace:instance.schema.table' },
    // The longest IRI the bounds allow (a field of three 768-byte names), which Neo4j must index.
    { name: 'names at the UTF-8 bound (256 CJK characters each)', body: json(atTheBound), node: `dataset:${'中'.repeat(256)}:${'文'.repeat(256)}` },
  ])('accepts $name, touching nothing else', async ({ body, node }) => {
    const res = await fetch(new URL('/api/v1/lineage', q.url), { method: 'POST', body, headers: { ...authorization(q.url), 'Content-Type': 'application/json' } });
    expect([res.status, await res.json()]).toEqual([201, { outcome: 'stored', afterTerminal: false }]);
    expect(await lineageAround(q.url, node)).toContain(node);
    expect(await observe(q.url)).toEqual(before);
  });

  it('stores the rest of a batch and reports an event out of bounds by its index', async () => {
    const events = [freshEvent('batch-first'), freshEvent('batch-bad', { outputs: [{ namespace: 'e2e', name: 'v'.repeat(600) }] }), freshEvent('batch-last')];
    const res = await call(q.url, 'POST', '/api/v1/lineage/batch', events);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'partial_success', summary: { received: 3, successful: 2, failed: 1 } });
    expect(res.body.failed_events).toEqual([expect.objectContaining({ index: 1, type: 'validation-failed', issues: [expect.objectContaining({ pointer: '/outputs/0/name' })] })]);
    expect(await lineageAround(q.url, 'job:e2e:batch-bad')).toBe(404);
    for (const job of ['batch-first', 'batch-last']) expect(await lineageAround(q.url, `job:e2e:${job}`)).toContain(`job:e2e:${job}`);
    expect(await observe(q.url)).toEqual(before);
  });

  it('keeps serving after all of it', async () => {
    expect((await call(q.url, 'GET', '/readyz')).status).toBe(200);
  });
});
