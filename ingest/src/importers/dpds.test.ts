import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RefResolver } from './dpds-refs.js';
import { importDocument } from './import-document.js';
import { ImportRefusedError } from './import-types.js';
import { refusalOf } from './test-kit.js';

const EXAMPLES = fileURLToPath(new URL('../../../../shared/fixtures/dpds/examples/', import.meta.url));
const TRIP = join(EXAMPLES, 'tripexecution');
const DESCRIPTOR = join(TRIP, 'data-product-descriptor.json');
type Json = Record<string, any>;
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const refusal = refusalOf;

const source = json(DESCRIPTOR);
const statusPort = json(join(TRIP, 'ports/trip-status-oport.json'));
// The example's events port file is a whole descriptor holding the one port.
const eventsPort = json(join(TRIP, 'ports/trip-events-oport.json')).interfaceComponents.outputPorts[0] as Json;
const eventsApi = json(join(TRIP, 'ports/trip-events-oport-api.json'));
const avro = (file: string) => json(join(TRIP, 'ports', file)) as { name: string; fields: { name: string }[] };
const tripExecution = () => importDocument('dpds', readFileSync(DESCRIPTOR, 'utf8'), { path: DESCRIPTOR });

/** Service levels as the importer should read them from a DPDS `custom` SLO or SLA definition. */
const levels = (definition: Json) =>
  Object.values(definition).flatMap((group: Json) =>
    Object.entries(group).map(([key, value]) => ({ metric: { availability: 'availability', responsetime: 'responseTime', freshness: 'freshness' }[key], objective: value })),
  );

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** Writes files into a fresh folder under the OS temp dir and returns the folder. */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-dpds-'));
  temp.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}
const FQN = 'urn:dpds:lab:dataproducts:tripPlanner:1';
const product = (interfaceComponents: Json, extra: Json = {}) => ({
  dataProductDescriptor: '1.0.0',
  info: { fullyQualifiedName: FQN, name: 'tripPlanner', version: '0.1.0', domain: 'Lab', owner: { id: 'planner-team' }, ...extra },
  interfaceComponents: { outputPorts: [], ...interfaceComponents },
});

describe('DPDS import: the tripexecution example, $refs resolved against its path', () => {
  it('maps the product from info: fqn as id, slugs for name and domain, the owner person as team and contact', async () => {
    const { descriptor, standardVersion } = await tripExecution();
    expect(standardVersion).toBe(source.dataProductDescriptor);
    expect(descriptor).toMatchObject({
      id: source.info.fullyQualifiedName,
      name: 'trip-execution',
      title: source.info.name,
      version: source.info.version,
      domain: 'transport-management',
      owner: { team: 'john-doe', contact: `mailto:${source.info.owner.id}` },
      status: 'active',
    });
  });

  it('maps both output ports from their port files: kind, format, description, SLOs and SLAs', async () => {
    const { descriptor, notes } = await tripExecution();
    expect(descriptor.outputPorts).toHaveLength(source.interfaceComponents.outputPorts.length);
    const [status, events] = descriptor.outputPorts ?? [];
    expect(status).toMatchObject({ name: 'trip-status', kind: 'table', format: statusPort.promises.api.specification });
    // The reference's description overrides the port file's (DPDS Reference Object).
    expect(status?.description).toBe(source.interfaceComponents.outputPorts[0].description);
    // The port promises each level as an SLO and again as an SLA: a check names its SLO by port and
    // metric, so the SLAs' metrics are renamed <metric>-sla, and a note says so.
    const slas = levels(statusPort.obligations.sla.definition).map((l) => ({ ...l, metric: `${l.metric}-sla` }));
    expect(status?.slos).toEqual([...levels(statusPort.promises.slo.definition), ...slas].map((l) => expect.objectContaining(l)));
    expect(status?.slos?.slice(3).every((s) => s.description?.startsWith('SLA'))).toBe(true);
    expect(notes).toContainEqual(expect.stringMatching(/^port trip-status: SLO metrics renamed .*availability → availability-sla/));
    expect(events).toMatchObject({ name: 'trip-events', kind: 'stream', format: eventsPort.promises.api.specification, location: eventsApi.servers.production.url });
    expect(events?.slos).toEqual(levels(eventsPort.promises.slo.definition).map((l) => expect.objectContaining(l)));
  });

  it('reads the events port fields from the Avro records its AsyncAPI messages name, and its channels as lineage', async () => {
    const events = (await tripExecution()).descriptor.outputPorts?.[1];
    const records = [avro('trip-events-oport-status-change-schema.avsc'), avro('trip-events-oport-position-notification-schema.avsc')];
    expect(events?.fields?.map((f) => f.name)).toEqual(records.flatMap((r) => r.fields.map((f) => `${r.name}.${f.name}`)));
    expect(events?.fields?.find((f) => f.name === 'TripStatusChange.event-type')?.type).toBe('enum');
    expect(events?.lineage?.map((d) => d.name)).toEqual(Object.keys(eventsApi.channels));
    expect(events?.lineage?.[0]?.namespace).toBe('kafka://company-xyz.com');
  });

  it('keeps each port\'s DPDS fully qualified name and version in the semantic model', async () => {
    const { descriptor } = await tripExecution();
    const graph = (descriptor.semanticModel as { '@graph': Json[] })['@graph'];
    expect(graph[0]).toMatchObject({ '@id': source.info.fullyQualifiedName, 'dct:identifier': source.info.fullyQualifiedName });
    expect(graph).toContainEqual(expect.objectContaining({ 'dct:identifier': statusPort.fullyQualifiedName, 'dcat:version': statusPort.version }));
    expect(graph).toContainEqual(expect.objectContaining({ 'dct:identifier': eventsPort.fullyQualifiedName }));
  });

  it('reports the dangling .proto $ref, the unlinkable input port, policies and internal components, and not what it mapped', async () => {
    const { unmapped, notes, descriptor } = await tripExecution();
    const reason = (pointer: string) => unmapped.find((u) => u.pointer === pointer)?.reason;
    expect(reason('/interfaceComponents/outputPorts/0/promises/api/definition')).toMatch(
      /at \/schema\/tables\/0\/definition, \$ref https:\/\/\S+\/trip-status-oport-schema\.proto not resolved: remote references are not fetched, and there is no local copy ports\/trip-status-oport-schema\.proto/,
    );
    expect(descriptor.inputPorts).toBeUndefined();
    expect(reason('/interfaceComponents/inputPorts')).toContain(`input port ${json(join(TRIP, 'ports/trip-tms-iport.json')).name} (version 1.0.0)`);
    expect(reason('/internalComponents')).toBe('internal components (applications, infrastructure) are not registered in the catalog');
    for (const policy of ['expectatctions', 'obligations/termsAndConditions', 'obligations/billingPolicy', 'promises/deprecationPolicy']) {
      expect(reason(`/interfaceComponents/outputPorts/0/${policy}`)).toBe('policies are not part of the descriptor yet');
    }
    expect(reason('/interfaceComponents/observabilityPorts')).toMatch(/observability port helthMetrics gives no endpoint URL/);
    const pointers = unmapped.map((u) => u.pointer);
    for (const mapped of ['/info', '/info/name', '/dataProductDescriptor', '/interfaceComponents/outputPorts/0/name', '/interfaceComponents/outputPorts/0/promises/slo/definition']) {
      expect(pointers).not.toContain(mapped);
    }
    expect(pointers.some((p) => p.includes('/slo/definition') || p.includes('/sla/definition'))).toBe(false);
    expect(notes).toContainEqual(expect.stringMatching(/trip-events-oport-status-change-schema\.avsc was not fetched: read the local copy ports\//));
  });

  it('without the descriptor\'s path, reports every relative $ref instead of reading it', async () => {
    const { descriptor, unmapped } = await importDocument('dpds', readFileSync(DESCRIPTOR, 'utf8'));
    expect(descriptor.outputPorts).toBeUndefined();
    // Nothing under /interfaceComponents was used, so the reasons are gathered there.
    expect(unmapped.find((u) => u.pointer === '/interfaceComponents')?.reason).toMatch(
      /^outputPorts\/0: the port could not be read; \$ref ports\/trip-status-oport\.json not resolved: relative references need the descriptor file's path; outputPorts\/1: /,
    );
  });
});

describe('DPDS import: refusals and hostile references', () => {
  it('refuses the minimal example, which has no info.name, with a finding at /info', async () => {
    const err = await refusal(importDocument('dpds', readFileSync(join(EXAMPLES, 'minimal.dpd.json'), 'utf8')));
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect(err?.findings).toContainEqual({ pointer: '/info', message: "must have required property 'name'" });
  });

  it('reads a descriptor whose folder is reached through a symlink as it reads it directly', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quanta-dpds-link-'));
    try {
      symlinkSync(TRIP, join(root, 'trip'));
      const linked = join(root, 'trip', 'data-product-descriptor.json');
      const through = await importDocument('dpds', readFileSync(linked, 'utf8'), { path: linked });
      expect(through.descriptor).toEqual((await tripExecution()).descriptor);
      expect(through.descriptor.outputPorts?.find((p) => p.name === 'trip-events')?.fields?.length).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never reads a file outside the descriptor\'s folder: ../, absolute paths, file: URLs and symlinks out are reported', async () => {
    const root = folder({ 'secret.json': { name: 'stolen', version: '6.6.6' } });
    const path = join(root, 'dp', 'descriptor.json');
    mkdirSync(join(root, 'dp'));
    symlinkSync(join(root, 'secret.json'), join(root, 'dp', 'link.json'));
    const refs = ['../secret.json', `${'../'.repeat(30)}etc/passwd`, '/etc/passwd', 'file:///etc/passwd', 'link.json'];
    writeFileSync(path, JSON.stringify(product({ outputPorts: refs.map(($ref) => ({ $ref })) })));
    const r = await importDocument('dpds', readFileSync(path, 'utf8'), { path });
    expect(r.descriptor.outputPorts).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/stolen|6\.6\.6|root:/);
    const reasons = r.unmapped.flatMap((u) => u.reason.split('; '));
    expect(reasons.filter((s) => s.includes('not resolved'))).toEqual([
      "$ref ../secret.json not resolved: it leads outside the descriptor's folder",
      `$ref ${refs[1]} not resolved: it leads outside the descriptor's folder`,
      '$ref /etc/passwd not resolved: absolute paths are not read (give a path relative to the descriptor)',
      '$ref file:///etc/passwd not resolved: only relative file references and http(s) URLs are understood',
      '$ref link.json not resolved: link.json is a link to outside the descriptor\'s folder',
    ]);
  });

  it('stops at cyclic $refs, between files and within one, and still reads the rest', async () => {
    const dir = folder({
      'a.json': { $ref: 'b.json' },
      'b.json': { $ref: 'a.json' },
      'tree.json': { type: 'object', properties: { id: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } } },
    });
    const path = join(dir, 'descriptor.json');
    const table = { name: 'tree', version: '1.0.0', promises: { api: { name: 'treeApi', version: '1.0.0', specification: 'datastoreapi', definition: { datastoreapi: '1.0.0', schema: { tables: [{ name: 'tree', definition: { $ref: 'tree.json' } }] } } } } };
    const doc = { ...product({ outputPorts: [{ $ref: 'a.json' }, { $ref: '#/components/outputPorts/loop' }, table] }), components: { outputPorts: { loop: { $ref: '#/components/outputPorts/loop' } } } };
    writeFileSync(path, JSON.stringify(doc));
    const r = await importDocument('dpds', readFileSync(path, 'utf8'), { path });
    expect(r.descriptor.outputPorts).toEqual([expect.objectContaining({ name: 'tree', fields: [{ name: 'id', type: 'string' }, { name: 'children', type: 'array' }] })]);
    const reasons = JSON.stringify(r.unmapped);
    expect(reasons.match(/cyclic: it names a part that contains it/g)).toHaveLength(3);
  });
});

describe('DPDS import: what $refs bring in', () => {
  it('validates a port read through a $ref against the DPDS schema, with findings at its place', async () => {
    const dir = folder({ 'port.json': { name: 'orders', version: 2, promises: { servicesType: ['not', 'a', 'string'] } } });
    const path = join(dir, 'descriptor.json');
    const doc = product({ outputPorts: [{ $ref: 'port.json' }] });
    writeFileSync(path, JSON.stringify(doc));
    const err = await refusal(importDocument('dpds', JSON.stringify(doc), { path }));
    expect(err.message).toMatch(/^not a valid DPDS document: the port at \/interfaceComponents\/outputPorts\/0, its \$refs resolved, is not a valid outputPort/);
    expect(err.findings).toEqual(
      expect.arrayContaining([
        { pointer: '/interfaceComponents/outputPorts/0/version', message: 'must be string' },
        { pointer: '/interfaceComponents/outputPorts/0/promises/servicesType', message: 'must be string' },
      ]),
    );
  });

  it('keeps a __proto__ key of a referenced file as a key, so it is reported rather than becoming the prototype', async () => {
    const dir = folder({ 'port.json': '{"name": "orders", "version": "1.0.0", "__proto__": {"description": "polluted"}}' });
    const path = join(dir, 'descriptor.json');
    const resolved = await new RefResolver(path).resolve({ $ref: 'port.json' }, '/port', {});
    const port = resolved.value as Json;
    expect(Object.getPrototypeOf(port)).toBe(Object.prototype);
    expect(Object.keys(port)).toEqual(['name', 'version', '__proto__']);
    expect(port.description).toBeUndefined();
    const doc = product({ outputPorts: [{ $ref: 'port.json' }] });
    writeFileSync(path, JSON.stringify(doc));
    const r = await importDocument('dpds', JSON.stringify(doc), { path });
    expect(r.descriptor.outputPorts?.[0]?.description).toBeUndefined();
    expect(r.unmapped.map((u) => u.pointer)).toContain('/interfaceComponents/outputPorts/0/__proto__');
  });
});

describe('DPDS import: inline documents', () => {
  it('links input ports to an upstream product by its fqn, or to the datasets their API locates', async () => {
    const doc = product({
      inputPorts: [
        { name: 'orders', version: '1.0.0', fullyQualifiedName: 'urn:dpds:acme:dataproducts:orderBook:2:outputports:orderEvents' },
        { name: 'tmsCdc', version: '1.0.0', promises: { api: { name: 'cdc', version: '1.0.0', specification: 'asyncapi', definition: { asyncapi: '2.6.0', servers: { prod: { url: 'broker:9092', protocol: 'kafka' } }, channels: { 'tms.trips': {} } } } } },
        { name: 'own', version: '1.0.0', fullyQualifiedName: `${FQN}:inputports:own` },
      ],
    });
    const r = await importDocument('dpds', JSON.stringify(doc));
    expect(r.descriptor.inputPorts).toEqual([
      { product: 'urn:dpds:acme:dataproducts:orderBook:2#order-events', description: 'input port orders (version 1.0.0)' },
      { lineage: { namespace: 'kafka://broker:9092', name: 'tms.trips' }, description: 'input port tmsCdc (version 1.0.0)' },
    ]);
    expect(r.unmapped.find((u) => u.pointer === '/interfaceComponents/inputPorts/2')?.reason).toMatch(/input port own \(version 1\.0\.0\) names no upstream product/);
  });

  it('reads x-status, contact points, control-port endpoints and JSON Schema tables; reports service levels it does not know', async () => {
    const sla = { name: 'sla', version: '1', specification: 'custom', definition: { availability: 0.99, 'x-operationalSla': { throughput: '1k/s', responseTime: '200ms' } } };
    const table = { type: 'object', properties: { trip_id: { type: 'integer', description: 'The trip' }, eta: { type: ['string', 'null'] } } };
    const doc = product(
      {
        outputPorts: [
          {
            name: 'plans',
            version: '2.0.0',
            promises: {
              servicesType: 'datastore-services',
              api: { name: 'plansApi', version: '1.0.0', specification: 'datastoreapi', definition: { datastoreapi: '1.0.0', schema: { databaseName: 'db', tables: [{ name: 'plans', definition: table }] } } },
            },
            obligations: { sla },
          },
        ],
        controlPorts: [{ name: 'admin', version: '1.0.0', promises: { api: { name: 'adminApi', version: '1.0.0', specification: 'openapi', definition: { openapi: '3.0.0', servers: [{ url: 'https://lab.example/admin' }] } } } }],
      },
      {
        'x-status': 'deprecated',
        contactPoints: [
          { name: 'Support Mail', channel: 'email', address: 'help@lab.example' },
          { name: 'phone', channel: 'phone', address: '+39 02 1234' },
        ],
      },
    );
    const r = await importDocument('dpds', JSON.stringify(doc));
    expect(r.descriptor).toMatchObject({
      status: 'deprecated',
      owner: { team: 'planner-team' },
      links: { 'support-mail': 'mailto:help@lab.example', admin: 'https://lab.example/admin' },
    });
    expect(r.descriptor.owner.contact).toBeUndefined();
    const [plans] = r.descriptor.outputPorts ?? [];
    expect(plans).toMatchObject({ kind: 'table', fields: [{ name: 'trip_id', type: 'integer', description: 'The trip' }, { name: 'eta', type: 'string|null' }] });
    expect(plans?.slos?.map((s) => [s.metric, s.objective])).toEqual([['availability', '0.99'], ['responseTime', '200ms']]);
    const reason = (pointer: string) => r.unmapped.find((u) => u.pointer === pointer)?.reason;
    expect(reason('/interfaceComponents/outputPorts/0/obligations/sla/definition/x-operationalSla/throughput')).toMatch(/not a service level Quanta reads/);
    expect(reason('/info/contactPoints/1')).toMatch(/\+39 02 1234 is neither an email address nor a URL/);
    expect(reason('/interfaceComponents/controlPorts')).toMatch(/control port admin is kept as the link admin/);
  });

  it('reports a service level named like an Object member (constructor, __proto__) instead of failing on it', async () => {
    const slo = { name: 'slo', version: '1', specification: 'custom', definition: { constructor: '1', toString: 2, availability: '99%' } };
    const r = await importDocument('dpds', JSON.stringify(product({ outputPorts: [{ name: 'plans', version: '1.0.0', promises: { servicesType: 'constructor', slo } }] })));
    expect(r.descriptor.outputPorts?.[0]).toMatchObject({ kind: 'table', slos: [{ metric: 'availability', objective: '99%' }] });
    const reason = (key: string) => r.unmapped.find((u) => u.pointer === `/interfaceComponents/outputPorts/0/promises/slo/definition/${key}`)?.reason;
    expect([reason('constructor'), reason('toString')]).toEqual([expect.stringMatching(/not a service level/), expect.stringMatching(/not a service level/)]);
  });

  it('keeps the first 200 input links and reports the ports past them, rather than marking them used', async () => {
    const inputPorts = Array.from({ length: 202 }, (_, i) => ({ name: `up${i}`, version: '1.0.0', fullyQualifiedName: `urn:dpds:acme:dataproducts:up${i}:1` }));
    const r = await importDocument('dpds', JSON.stringify(product({ inputPorts })));
    expect(r.descriptor.inputPorts).toHaveLength(200);
    const cut = r.unmapped.filter((u) => /^\/interfaceComponents\/inputPorts\/\d+$/.test(u.pointer));
    expect(cut).toEqual([200, 201].map((i) => ({ pointer: `/interfaceComponents/inputPorts/${i}`, reason: 'a descriptor holds at most 200 input ports' })));
    expect(r.notes).toContainEqual('202 input links: the first 200 are kept, as a descriptor holds at most 200; the ports giving the rest are reported');
  });

  it('keeps the first 100 service levels of a port as SLOs, each metric once, and reports the rest', async () => {
    // 34 groups (x-operationalSlo spelt in as many cases) of three levels each: 102 SLOs.
    const groups = Object.fromEntries(Array.from({ length: 34 }, (_, g) => [`x-${[...'operationalslo'].map((c, j) => ((g >> j) & 1 ? c.toUpperCase() : c)).join('')}`, { availability: `${g}%`, responseTime: `${g}ms`, freshness: `${g}m` }]));
    const slo = { name: 'slo', version: '1', specification: 'custom', definition: groups };
    const r = await importDocument('dpds', JSON.stringify(product({ outputPorts: [{ name: 'busy', version: '1.0.0', promises: { slo } }] })));
    const slos = r.descriptor.outputPorts?.[0]?.slos ?? [];
    expect(slos).toHaveLength(100);
    expect(new Set(slos.map((s) => s.metric)).size).toBe(100);
    expect(slos.slice(0, 4).map((s) => s.metric)).toEqual(['availability', 'responseTime', 'freshness', 'availability-2']);
    const last = Object.keys(groups)[33];
    expect(r.unmapped.filter((u) => u.reason === 'Quanta holds at most 100 SLOs per port').map((u) => u.pointer)).toEqual(
      ['responseTime', 'freshness'].map((k) => `/interfaceComponents/outputPorts/0/promises/slo/definition/${last}/${k}`),
    );
  });
});
