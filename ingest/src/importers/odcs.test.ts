import { readFileSync, readdirSync } from 'node:fs';
import { DescriptorSchema } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importDocument } from './import-document.js';
import { portOf, refusalOf } from './test-kit.js';

// The source documents are read in the tests so that every expectation comes from the fixture, not from the mapper.
type Source = Record<string, any>;

const root = new URL('../../../../shared/fixtures/odcs/docs/examples/', import.meta.url);
/** Every ODCS example on disk, so a fixture added later is imported too. */
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.odcs.yaml'))
  .sort();
const text = (file: string) => readFileSync(new URL(file, root), 'utf8');
const source = (file: string): Source => parse(text(file));
const importOdcs = (doc: Source | string, options = {}) => importDocument('odcs', typeof doc === 'string' ? text(doc) : stringify(doc), options);

/** The value at a JSON Pointer, to check that an unmapped pointer names a real part of the source. */
function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined ? undefined : node[key]), doc);
}

/** Properties of a schema object, nested ones (object properties, array item properties) included. */
function flatProperties(properties: Source[] = []): Source[] {
  return properties.flatMap((p) => [p, ...flatProperties(p.properties), ...flatProperties(p.items?.properties)]);
}

const refusal = (doc: Source) => refusalOf(importOdcs(doc));
const port = portOf;

describe('ODCS import: every example', () => {
  it('finds the examples on disk', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it.each(files)('imports %s', async (file) => {
    const src = source(file);
    const r = await importOdcs(file);
    expect(DescriptorSchema.safeParse(r.descriptor).success).toBe(true);
    expect(r.standard).toBe('odcs');
    expect(r.standardVersion).toBe(src.apiVersion);
    expect(r.descriptor.version).toBe(src.version);
    if (/^[0-9a-f-]{36}$/.test(src.id)) expect(r.descriptor.id).toBe(`urn:uuid:${src.id}`);
    const objects: Source[] = src.schema ?? [];
    const ports = r.descriptor.outputPorts ?? [];
    expect(ports).toHaveLength(Math.min(50, Math.max(1, objects.length)));
    objects.slice(0, 50).forEach((o, i) => expect(ports[i]?.fields ?? []).toHaveLength(flatProperties(o.properties).length));
    // The contract's service levels are promised on every port, a repeated property under a metric of its own.
    const slas: string[] = (src.slaProperties ?? []).map((s: Source) => s.property);
    for (const p of ports) {
      const metrics = (p.slos ?? []).filter((s) => s.description?.startsWith('SLA')).map((s) => s.metric);
      expect(metrics).toHaveLength(slas.length);
      metrics.forEach((m, i) => expect(m.startsWith(slas[i]!), `${m} for ${slas[i]}`).toBe(true));
      expect(new Set((p.slos ?? []).map((s) => s.metric)).size, `metrics of port ${p.name}`).toBe(p.slos?.length ?? 0);
    }
    // Whatever is reported names a real part of the source, once.
    for (const u of r.unmapped) expect(at(src, u.pointer), u.pointer).toBeDefined();
    expect(new Set(r.unmapped.map((u) => u.pointer)).size).toBe(r.unmapped.length);
  });
});

describe('ODCS import: the full example', () => {
  const file = 'all/full-example.odcs.yaml';
  const src = source(file);

  it('maps identity, ownership, description, tags, concepts and links', async () => {
    const d = (await importOdcs(file)).descriptor;
    expect(d.id).toBe(`urn:uuid:${src.id}`);
    // No `name`: the data product names it.
    expect(src.name).toBeUndefined();
    expect(d.name).toBe('my-quantum');
    expect(d.title).toBe(src.dataProduct);
    expect(d.status).toBe(src.status);
    expect(d.domain).toBe(src.domain);
    expect(d.owner.team).toBe(src.team.name);
    expect(d.description).toContain(src.description.purpose);
    expect(d.description).toContain(`Limitations: ${src.description.limitations}`);
    expect(d.description).toContain(`Usage: ${src.description.usage}`);
    expect(d.tags).toEqual(expect.arrayContaining([...src.tags, ...src.schema[0].tags]));
    expect(d.concepts).toEqual([src.schema[0].authoritativeDefinitions.find((a: Source) => a.type === 'businessDefinition').url]);
    expect(Object.values(d.links ?? {})).toEqual(
      expect.arrayContaining([src.support[1].url, src.support[2].url, src.authoritativeDefinitions[0].url, src.description.authoritativeDefinitions[0].url]),
    );
    expect(d.links?.['canonical']).toBe(src.authoritativeDefinitions[0].url);
    expect(d.classification?.confidentiality).toBe('restricted');
    expect(JSON.stringify(d.semanticModel)).toContain(src.contractCreatedTs);
  });

  it('makes each schema object a port with its fields, location, SLAs and quality rules', async () => {
    const r = await importOdcs(file);
    const [tbl, receivers] = src.schema as Source[];
    expect(r.descriptor.outputPorts?.map((p) => p.name)).toEqual([tbl!.name, receivers!.name]);
    const p = port(r, tbl!.name);
    const server = src.servers[0];
    expect(p.kind).toBe('table');
    expect(p.location).toBe(`${server.type}://${server.host}:${server.port}/${server.database}/${server.schema}/${tbl!.physicalName}`);
    expect(p.description).toContain(tbl!.description);
    expect(p.fields?.map((f) => [f.name, f.type])).toEqual(tbl!.properties.map((q: Source) => [q.name, q.logicalType]));
    const country = tbl!.properties[2];
    expect(p.fields?.[2]?.concept).toBe(country.authoritativeDefinitions[0].url);
    expect(p.fields?.[1]?.description).toContain('primary key');

    const latency = src.slaProperties[0];
    expect(p.slos).toContainEqual({ metric: latency.property, objective: `${latency.value} ${latency.unit}`, description: `SLA; on ${latency.element}` });
    const regulatory = src.slaProperties.find((s: Source) => s.driver === 'regulatory');
    expect(p.slos?.find((s) => s.description?.includes(`driver: ${regulatory.driver}`))?.objective).toBe(regulatory.value);

    const rowCount = tbl!.quality[0];
    const own = p.slos?.find((s) => s.description?.startsWith(`on ${tbl!.name};`));
    expect(own?.metric).toBe(rowCount.dimension);
    expect(own?.objective).toBe(`${rowCount.metric} > ${rowCount.mustBeGreaterThan}`);
    const nulls = country.quality[0];
    const onProperty = p.slos?.find((s) => s.description?.startsWith(`on ${tbl!.name}.${country.name};`));
    expect(onProperty?.objective).toBe(`${nulls.metric} = ${nulls.mustBe}`);
    expect(onProperty?.description).toContain(`severity ${nulls.severity}`);
    // Quality rules stay on their own object's port.
    expect(port(r, receivers!.name).slos).toHaveLength(src.slaProperties.length);
  });

  it('reports what it does not carry, with reasons', async () => {
    const { unmapped } = await importOdcs(file);
    const reason = (pointer: string) => unmapped.find((u) => u.pointer === pointer)?.reason;
    expect(reason('/roles')).toMatch(/access roles/);
    expect(reason('/price')).toMatch(/pricing/);
    expect(reason('/tenant')).toMatch(/tenant/);
    expect(reason('/customProperties')).toBeDefined();
    expect(reason('/team/members')).toMatch(/team members/);
    expect(reason('/schema/0/relationships')).toMatch(/relationships/);
    // A Slack channel has no URL to link.
    expect(src.support[0].url).toBeUndefined();
    expect(reason('/support/0')).toMatch(/without a URL/);
    // What is carried is not reported.
    for (const pointer of ['/id', '/schema/0/properties/0/name', '/slaProperties/0', '/support/1/url', '/servers/0/host']) expect(reason(pointer)).toBeUndefined();
  });
});

describe('ODCS import: other examples', () => {
  it('reads a threshold with a unit (column-validity)', async () => {
    const src = source('quality/column-validity.odcs.yaml');
    const rule = src.schema[0].properties[0].quality[0];
    const r = await importOdcs('quality/column-validity.odcs.yaml');
    const slo = r.descriptor.outputPorts?.[0]?.slos?.[0];
    expect(slo?.metric).toBe(rule.dimension);
    expect(slo?.objective).toBe(`${rule.metric} <= ${rule.mustBeLessOrEqualTo} ${rule.unit}`);
    expect(slo?.description).toContain(`on ${src.schema[0].name}.${src.schema[0].properties[0].name}`);
  });

  it('reads a Kafka topic on its server (kafka-schema), a status it does not know as draft', async () => {
    const src = source('schema/kafka-schema.odcs.yaml');
    const r = await importOdcs('schema/kafka-schema.odcs.yaml');
    const p = r.descriptor.outputPorts?.[0];
    expect(p).toMatchObject({ name: 'orders', kind: 'stream', format: src.servers[0].format, location: `kafka://${src.servers[0].host}/${src.schema[0].physicalName}` });
    expect(r.descriptor.name).toBe('orders-event-stream');
    expect(r.descriptor.id).toBe(`urn:odcs:${src.id}`);
    expect(r.descriptor.status).toBe('draft');
    expect(r.notes.join('\n')).toContain(`status "${src.status}" registered as draft`);
  });

  it('mints an id under --base-iri and takes domain and owner from the options when the contract has none', async () => {
    const r = await importOdcs('schema/kafka-schema.odcs.yaml', { baseIri: 'https://data.example/products/', domain: 'Sales', owner: 'Order Team' });
    expect(r.descriptor.id).toBe('https://data.example/products/sales/orders-event-stream');
    expect(r.descriptor.domain).toBe('sales');
    expect(r.descriptor.owner.team).toBe('order-team');
    expect(r.notes.join('\n')).not.toContain('pass --domain');
  });

  it('makes one port for a contract with no schema objects, carrying its SLAs (database-table-sla)', async () => {
    const src = source('sla/database-table-sla.odcs.yaml');
    expect(src.schema).toEqual([]);
    const r = await importOdcs('sla/database-table-sla.odcs.yaml');
    expect(r.descriptor.outputPorts).toHaveLength(1);
    const p = r.descriptor.outputPorts![0]!;
    expect(p.name).toBe('my-table');
    // Two timeOfAvailability SLAs, told apart by their drivers.
    const repeated = (s: Source, i: number, all: Source[]) => all.findIndex((o) => o.property === s.property) < i;
    expect(p.slos?.map((s) => s.metric)).toEqual(src.slaProperties.map((s: Source, i: number, all: Source[]) => (repeated(s, i, all) ? `${s.property}-${s.driver}` : s.property)));
    expect(r.notes).toContainEqual('port my-table: SLO metrics renamed to be unique on the port, as a check names its SLO by port and metric: timeOfAvailability → timeOfAvailability-analytics');
    expect(r.notes.join('\n')).toMatch(/no schema objects/);
  });

  it('keeps the first 50 of 68 tables and reports the rest (postgresql-adventureworks)', async () => {
    const file = 'all/postgresql-adventureworks-contract.odcs.yaml';
    const src = source(file);
    expect(src.schema.length).toBeGreaterThan(50);
    const r = await importOdcs(file);
    expect(r.descriptor.outputPorts?.map((p) => p.name)).toEqual(src.schema.slice(0, 50).map((o: Source) => o.name));
    const cut = r.unmapped.filter((u) => /^\/schema\/\d+$/.test(u.pointer));
    expect(cut.map((u) => u.pointer)).toEqual(src.schema.slice(50).map((_: unknown, i: number) => `/schema/${50 + i}`));
    expect(cut[0]?.reason).toMatch(/at most 50 output ports/);
    expect(r.notes.join('\n')).toContain(src.schema[67].name);
  });

  it('flattens nested properties with dotted names (all-schema-types)', async () => {
    const src = source('schema/all-schema-types.odcs.yaml');
    const another = src.schema[2];
    const r = await importOdcs('schema/all-schema-types.odcs.yaml');
    const fields = port(r, 'anotherobject').fields ?? [];
    const x = another.properties[0];
    expect(fields.map((f) => f.name)).toEqual([x.name, ...x.items.properties.map((p: Source) => `${x.name}.${p.name}`)]);
    expect(fields[0]?.type).toBe(`array<${x.items.logicalType}>`);
  });

  it('takes an owner contact from a v3.0 team array and names no team, so the domain owns it', async () => {
    const src = source('all/full-example.odcs.yaml');
    src.apiVersion = 'v3.0.2';
    src.team = [
      { username: 'former@example.com', role: 'owner', dateOut: '2020-01-01' },
      { username: 'jdoe', role: 'engineer' },
      { username: 'owner@example.com', role: 'Data Owner' },
    ];
    const r = await importOdcs(src);
    expect(r.descriptor.owner).toEqual({ team: src.domain, contact: 'mailto:owner@example.com' });
    expect(r.unmapped.map((u) => u.pointer)).toEqual(expect.arrayContaining(['/team/0', '/team/1']));
    expect(r.unmapped.map((u) => u.pointer)).not.toContain('/team/2');
  });
});

describe('ODCS import: refusals', () => {
  const valid = () => source('schema/table-column.odcs.yaml');

  it('refuses a contract without an id, naming the key', async () => {
    const doc = valid();
    delete doc.id;
    const error = await refusal(doc);
    expect(error.findings).toContainEqual({ pointer: '/', message: "must have required property 'id'" });
  });

  it('refuses a document of the wrong kind', async () => {
    const error = await refusal({ ...valid(), kind: 'DataProduct' });
    expect(error.findings.map((f) => f.pointer)).toContain('/kind');
  });

  it('refuses a property without a name, at its place', async () => {
    const doc = valid();
    delete doc.schema[0].properties[0].name;
    const error = await refusal(doc);
    expect(error.findings.map((f) => f.pointer)).toContain('/schema/0/properties/0');
  });

  it('refuses an ODCS v2 contract and asks for a migration to v3', async () => {
    const error = await refusal({ ...valid(), apiVersion: 'v2.2.2' });
    expect(error.message).toMatch(/v2/);
    expect(error.message).toMatch(/migrate it to ODCS v3/);
    expect(error.findings).toEqual([{ pointer: '/apiVersion', message: error.message }]);
  });

  it('tells a v2-shaped contract (dataset, quantumName) to migrate, before listing v3 schema errors', async () => {
    const error = await refusal({ apiVersion: 'v2.2.2', kind: 'DataContract', id: 'x', version: '1.0.0', status: 'current', quantumName: 'q', dataset: [{ table: 't' }] });
    expect(error.findings).toEqual([{ pointer: '/apiVersion', message: expect.stringMatching(/^ODCS v2\.2\.2 is a v2 contract, which is not read: migrate it to ODCS v3/) }]);
  });
});
