import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, ROOT, startQuanta, type QuantaProcess } from '../src/index.js';

/**
 * Issue 11's round trip: every example of the four standards in ../shared/fixtures is imported and
 * registered by the real `quanta` binary, then exported; the export must keep what the source says
 * about each concern of research/standards.md §3.2, read here straight from the source document.
 */
const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
/** The real binary, as an admin of the server under test (set once it started). */
let token: string | undefined;
const quanta = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...(token && { QUANTA_TOKEN: token }) } });

// Source documents of four standards, read loosely on purpose.
type Doc = Record<string, any>;
type Descriptor = {
  id: string;
  title?: string;
  version?: string;
  status: string;
  domain: string;
  owner: { team: string; contact?: string };
  tags?: string[];
  concepts?: string[];
  links?: Record<string, string>;
  outputPorts?: { name: string; fields?: { name: string; concept?: string }[]; slos?: { metric: string; objective: string; description?: string }[] }[];
  inputPorts?: ({ product: string } | { lineage: { namespace: string; name: string } })[];
  semanticModel?: { '@graph': Record<string, unknown>[] };
};

/** What the source says about each §3.2 concern, as the export must keep it. */
interface Expected {
  id?: string;
  title?: string;
  version?: string;
  status?: string;
  tags?: string[];
  contacts?: string[];
  outputPorts?: number;
  inputPorts?: number;
  /**
   * Service levels and quality rules the ports must carry, each as the names its SLO metric may
   * start with: a metric repeated on a port is renamed (`timeOfAvailability-analytics`, ADR 0015),
   * and a quality rule may be named by its dimension, metric, rule, name or type.
   */
  metrics?: string[][];
  /** Fields of the schema, by name. */
  fields?: string[];
  created?: string;
}

const uuidIri = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? `urn:uuid:${id.toLowerCase()}` : undefined);
const tagsOf = (tags: unknown) => (Array.isArray(tags) && tags.length ? tags.map((t) => String(t).toLowerCase()) : undefined);
const statusOf = (s: string | undefined) => (s === 'in development' || s === 'development' || s === 'proposed' ? 'draft' : s === 'production' ? 'active' : s);
/** What a quality rule may be named by, as the source says it. */
const ruleNames = (q: Doc): string[] => ['dimension', 'metric', 'rule', 'name', 'type'].map((k) => q[k]).filter((v): v is string => typeof v === 'string');

const EXPECT: Record<'odps' | 'odcs' | 'dcs', (doc: Doc) => Expected> = {
  odps: (d) => ({
    id: uuidIri(d.id),
    title: d.name,
    version: d.version,
    status: statusOf(d.status),
    tags: tagsOf(d.tags),
    contacts: (d.support ?? []).map((s: Doc) => (String(s.url).includes('@') && !String(s.url).startsWith('mailto:') ? `mailto:${s.url}` : s.url)),
    outputPorts: d.outputPorts?.length ?? 0,
    inputPorts: d.inputPorts?.length,
    created: d.productCreatedTs,
  }),
  odcs: (d) => {
    const objects: Doc[] = d.schema ?? [];
    return {
      id: uuidIri(d.id),
      version: d.version,
      status: statusOf(d.status),
      tags: tagsOf(d.tags),
      // A descriptor holds at most 50 ports: a larger contract (AdventureWorks has 68 tables) keeps the first 50 and reports the rest.
      outputPorts: Math.min(50, Math.max(1, objects.length)),
      metrics: [
        ...(d.slaProperties ?? []).map((p: Doc) => [p.property]),
        ...objects.slice(0, 50).flatMap((o) => [...(o.quality ?? []), ...(o.properties ?? []).flatMap((p: Doc) => p.quality ?? [])]).map(ruleNames),
      ],
      fields: objects.slice(0, 50).flatMap((o) => (o.properties ?? []).map((p: Doc) => p.name)),
      created: d.contractCreatedTs,
    };
  },
  dcs: (d) => {
    const models: [string, Doc][] = Object.entries(d.models ?? {});
    return {
      id: uuidIri(d.id),
      title: d.info?.title,
      version: d.info?.version,
      status: statusOf(d.info?.status),
      tags: tagsOf(d.tags),
      outputPorts: Math.max(1, models.length),
      metrics: [
        // standards.md §3.3: support.responseTime → responseTime; the other keys are the metric.
        ...Object.keys(d.servicelevels ?? {}).map((k) => [k === 'support' ? 'responseTime' : k]),
        ...models.flatMap(([, m]) => [...(m.quality ?? []), ...Object.values((m.fields ?? {}) as Record<string, Doc>).flatMap((f) => f.quality ?? [])]).map(ruleNames),
      ],
      fields: models.flatMap(([, m]) => Object.keys(m.fields ?? {})),
    };
  },
};

type Example = readonly [standard: 'odps' | 'odcs' | 'dpds' | 'dcs', file: string];
const examples: Example[] = [
  ...walk(join(FIXTURES, 'odps', 'docs', 'examples')).map((f): Example => ['odps', f]),
  ...walk(join(FIXTURES, 'odcs', 'docs', 'examples')).map((f): Example => ['odcs', f]),
  ['dpds', join(FIXTURES, 'dpds', 'examples', 'tripexecution', 'data-product-descriptor.json')],
  ...walk(join(FIXTURES, 'datacontract-specification')).filter((f) => f.endsWith('.yaml')).map((f): Example => ['dcs', f]),
];

describe('import → register → export keeps what the standards say (issue 11)', () => {
  let q: QuantaProcess;
  beforeAll(async () => {
    q = await startQuanta();
    token = q.adminToken;
  });
  afterAll(async () => {
    await q?.stop();
    q?.cleanup();
  });

  it.each(examples.map(([s, f]) => [s, relative(FIXTURES, f), f]))('%s: %s', (standard, _name, file) => {
    const run = quanta('import', '--from', standard, file, '--register', '--json', '--server', q.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const imported = JSON.parse(run.stdout) as { descriptor: Descriptor; registration: { outcome: string }; unmapped: { pointer: string }[] };
    expect(['created', 'updated', 'unchanged']).toContain(imported.registration.outcome);
    const exported = JSON.parse(quanta('export', imported.descriptor.id, '--json', '--server', q.url).stdout) as Descriptor;
    expect(exported).toEqual({ ...imported.descriptor, status: imported.descriptor.status ?? 'active' });
    // An SLO check names its SLO by port and metric, so no metric is there twice on a port.
    for (const p of exported.outputPorts ?? []) {
      const metrics = (p.slos ?? []).map((s) => s.metric);
      expect(metrics.filter((m, i) => metrics.indexOf(m) !== i), `repeated metrics on port ${p.name}`).toEqual([]);
    }
    if (standard === 'dpds') return; // checked on its own below: its source spans many files
    const want = EXPECT[standard](parse(readFileSync(file, 'utf8')) as Doc);
    if (want.id) expect(exported.id).toBe(want.id);
    if (want.title) expect(exported.title).toBe(want.title);
    if (want.version) expect(exported.version).toBe(String(want.version));
    if (want.status) expect(exported.status).toBe(want.status);
    if (want.tags) expect(exported.tags).toEqual(expect.arrayContaining(want.tags.map((t) => t.replace(/[^a-z0-9]+/g, '-'))));
    for (const c of want.contacts ?? []) expect(Object.values(exported.links ?? {})).toContain(c);
    expect(exported.outputPorts ?? []).toHaveLength(want.outputPorts ?? 0);
    if (want.inputPorts !== undefined) expect(exported.inputPorts ?? []).toHaveLength(want.inputPorts);
    const metrics = (exported.outputPorts ?? []).flatMap((p) => (p.slos ?? []).map((s) => s.metric));
    for (const names of want.metrics ?? []) expect(metrics.some((m) => names.some((n) => m.startsWith(String(n)))), `a metric starting with ${names.join(' or ')}`).toBe(true);
    const fields = (exported.outputPorts ?? []).flatMap((p) => (p.fields ?? []).map((f) => f.name));
    for (const f of want.fields ?? []) expect(fields).toContain(f);
    if (want.created) expect(JSON.stringify(exported.semanticModel)).toContain(want.created);
    // The domain and owner team are always there: from the source, or the defaults the notes name.
    expect(exported.domain).toMatch(/^[a-z0-9]/);
    expect(exported.owner.team).toMatch(/^[a-z0-9]/);
  });

  it('dpds: the trip execution product keeps its identity, owner, ports and service levels', () => {
    const file = join(FIXTURES, 'dpds', 'examples', 'tripexecution', 'data-product-descriptor.json');
    const source = JSON.parse(readFileSync(file, 'utf8')) as Doc;
    const iri = source.info.fullyQualifiedName as string;
    expect(quanta('import', '--from', 'dpds', file, '--register', '--server', q.url).status).toBe(0);
    const exported = JSON.parse(quanta('export', iri, '--json', '--server', q.url).stdout) as Descriptor;
    expect(exported).toMatchObject({ id: iri, version: source.info.version, domain: 'transport-management', owner: { contact: `mailto:${source.info.owner.id}` } });
    expect(exported.outputPorts).toHaveLength(source.interfaceComponents.outputPorts.length);
    // Its one input port (tmsInput) names neither an upstream product nor a dataset: reported, not guessed.
    const report = JSON.parse(quanta('import', '--from', 'dpds', file, '--json').stdout) as { unmapped: { pointer: string; reason: string }[] };
    expect(report.unmapped).toContainEqual({ pointer: '/interfaceComponents/inputPorts', reason: expect.stringContaining('input port tmsInput') });
    expect(exported.inputPorts ?? []).toHaveLength(0);
    const status = JSON.parse(readFileSync(join(file, '..', 'ports', 'trip-status-oport.json'), 'utf8')) as Doc;
    const availability = String(status.promises.slo.definition['x-operationalSlo'].availability);
    expect(exported.outputPorts?.flatMap((p) => p.slos ?? [])).toContainEqual(expect.objectContaining({ metric: 'availability', objective: expect.stringContaining(availability) }));
    // The port promises availability as an SLO and again as an SLA: the SLA is checked as availability-sla.
    const slaAvailability = String(status.obligations.sla.definition['x-operationalSla'].availability);
    expect(exported.outputPorts?.flatMap((p) => p.slos ?? [])).toContainEqual(expect.objectContaining({ metric: 'availability-sla', objective: expect.stringContaining(slaAvailability) }));
  });

  it('refuses the invalid examples with the reason, and registers nothing', () => {
    const minimal = quanta('import', '--from', 'dpds', join(FIXTURES, 'dpds', 'examples', 'minimal.dpd.json'), '--register', '--server', q.url);
    expect(minimal.status).toBe(1);
    expect(minimal.stderr).toMatch(/^quanta: not a valid DPDS document/);
    expect(minimal.stderr).toMatch(/\/info: must have required property 'name'/);
    const wrong = quanta('import', '--from', 'odps', join(FIXTURES, 'odcs', 'docs', 'examples', 'all', 'full-example.odcs.yaml'), '--json', '--server', q.url);
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: expect.stringContaining('not a valid ODPS document'), findings: expect.arrayContaining([{ pointer: '/kind', message: expect.stringContaining('DataProduct') }]) });
  });
});
