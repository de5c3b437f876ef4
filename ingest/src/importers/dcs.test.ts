import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { DescriptorSchema } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importDocument } from './import-document.js';
import { portOf, refusalOf } from './test-kit.js';

// The source documents are read in the tests so that every expectation comes from the fixture, not from the mapper.
type Source = Record<string, any>;

const root = new URL('../../../../shared/fixtures/datacontract-specification/', import.meta.url);
const inDirs = (dir: string, name: string) =>
  readdirSync(new URL(dir, root), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(new URL(`${dir}${e.name}/${name}`, root)))
    .map((e) => `${dir}${e.name}/${name}`);
/** Every DCS example and init template on disk, so a fixture added later is imported too. */
const files = [...inDirs('examples/', 'datacontract.yaml'), 'datacontract.init.yaml', ...inDirs('versions/', 'datacontract.init.yaml')].sort();
const text = (file: string) => readFileSync(new URL(file, root), 'utf8');
const source = (file: string): Source => parse(text(file));
const importDcs = (doc: Source | string, options = {}) => importDocument('dcs', typeof doc === 'string' ? text(doc) : stringify(doc), options);

/** The value at a JSON Pointer, to check that an unmapped pointer names a real part of the source. */
function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined ? undefined : node[key]), doc);
}

/** Field names of a model, nested ones (object fields, array item fields) dotted. */
function flatFields(fields: Source = {}, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([name, f]) => [`${prefix}${name}`, ...flatFields(f.fields, `${prefix}${name}.`), ...flatFields(f.items?.fields, `${prefix}${name}.`)]);
}

/** The service levels the mapping knows, by the SLO metric each becomes. */
const LEVELS: Record<string, string> = { availability: 'availability', retention: 'retention', latency: 'latency', freshness: 'freshness', frequency: 'frequency', support: 'responseTime', backup: 'backup' };

const refusal = (doc: Source) => refusalOf(importDcs(doc));
const port = portOf;

describe('DCS import: every example', () => {
  it('finds the examples and templates on disk', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('imports %s', async (file) => {
    const src = source(file);
    const r = await importDcs(file);
    expect(DescriptorSchema.safeParse(r.descriptor).success).toBe(true);
    expect(r.standard).toBe('dcs');
    expect(r.standardVersion).toBe(src.dataContractSpecification);
    expect(r.descriptor.title).toBe(src.info.title);
    expect(r.descriptor.version).toBe(src.info.version);
    const models = Object.entries<Source>(src.models ?? {});
    const ports = r.descriptor.outputPorts ?? [];
    expect(ports).toHaveLength(Math.max(1, models.length));
    models.forEach(([, model], i) => expect(ports[i]?.fields?.map((f) => f.name) ?? []).toEqual(flatFields(model.fields)));
    // The contract's service levels are promised on every port.
    const slas = Object.keys(src.servicelevels ?? {}).map((k) => LEVELS[k]);
    for (const p of ports) {
      expect((p.slos ?? []).filter((s) => s.description?.startsWith('SLA')).map((s) => s.metric)).toEqual(slas);
      // A check names its SLO by port and metric: no metric twice on a port.
      expect(new Set((p.slos ?? []).map((s) => s.metric)).size, `metrics of port ${p.name}`).toBe(p.slos?.length ?? 0);
    }
    for (const u of r.unmapped) expect(at(src, u.pointer), u.pointer).toBeDefined();
    expect(new Set(r.unmapped.map((u) => u.pointer)).size).toBe(r.unmapped.length);
  });
});

describe('DCS import: orders-latest', () => {
  const file = 'examples/orders-latest/datacontract.yaml';
  const src = source(file);

  it('maps identity, ownership, description, tags and links', async () => {
    const r = await importDcs(file);
    const d = r.descriptor;
    expect(d.id).toBe(`urn:dcs:${src.id}`);
    expect(d.name).toBe('orders-latest');
    expect(d.title).toBe(src.info.title);
    expect(d.version).toBe(src.info.version);
    expect(d.owner).toEqual({ team: 'checkout-team', contact: src.info.contact.url });
    expect(src.info.status).toBeUndefined();
    expect(d.status).toBe('active');
    expect(d.domain).toBe('unassigned');
    expect(r.notes.join('\n')).toContain('pass --domain');
    expect(d.tags).toEqual(src.tags);
    expect(d.description).toContain(src.info.description.trim());
    expect(d.description).toContain(`Usage: ${src.terms.usage.trim()}`);
    expect(d.description).toContain(`Notice period: ${src.terms.noticePeriod}`);
    expect(d.links).toMatchObject({ datacontractCli: src.links.datacontractCli, [src.terms.policies[0].name]: src.terms.policies[0].url });
    expect(d.classification).toEqual({ confidentiality: 'restricted', pii: true });
  });

  it('makes each model a port at its server location, with fields resolved through definitions', async () => {
    const r = await importDcs(file);
    const server = src.servers.production;
    const orders = port(r, 'orders');
    expect(orders).toMatchObject({ kind: 'file', format: server.format, location: server.location.replace('{model}', 'orders'), description: src.models.orders.description });
    expect(port(r, 'line-items').location).toBe(server.location.replace('{model}', 'line_items'));
    const orderId = orders.fields?.find((f) => f.name === 'order_id');
    const definition = src.definitions.order_id;
    expect(orderId).toMatchObject({ type: definition.type, pii: definition.pii });
    expect(orderId?.description).toContain(definition.description);
    expect(orderId?.description).toContain('primary key');
    const email = src.models.orders.fields.customer_email_address;
    expect(orders.fields?.find((f) => f.name === 'customer_email_address')).toMatchObject({ type: email.type, pii: email.pii });
    const sku = port(r, 'line-items').fields?.find((f) => f.name === 'sku');
    expect(sku?.concept).toBe(src.definitions.sku.links.wikipedia);
  });

  it('makes service levels SLAs on every port and quality rules SLOs on their model', async () => {
    const r = await importDcs(file);
    const levels = src.servicelevels;
    for (const p of r.descriptor.outputPorts ?? []) {
      expect(p.slos).toContainEqual(expect.objectContaining({ metric: 'availability', objective: levels.availability.percentage }));
      expect(p.slos).toContainEqual(expect.objectContaining({ metric: 'retention', objective: levels.retention.period }));
      expect(p.slos?.find((s) => s.metric === 'freshness')).toMatchObject({ objective: levels.freshness.threshold, description: expect.stringContaining(`on ${levels.freshness.timestampField}`) });
      expect(p.slos?.find((s) => s.metric === 'responseTime')?.objective).toBe(levels.support.responseTime);
      expect(p.slos?.find((s) => s.metric === 'backup')?.description).toContain(`recovery point ${levels.backup.recoveryPoint}`);
    }
    const orders = port(r, 'orders');
    const between = src.models.orders.fields.order_total.quality[0];
    expect(orders.slos?.find((s) => s.description?.startsWith('on orders.order_total;'))?.objective).toBe(`sql between ${between.mustBeBetween.join(' and ')}`);
    const lessThan = src.models.orders.quality[0];
    const own = orders.slos?.find((s) => s.objective.endsWith(`< ${lessThan.mustBeLessThan}`));
    expect(own?.description).toContain('on orders;');
    expect(own?.description).toContain(lessThan.description);
    expect(port(r, 'line-items').slos).toHaveLength(Object.keys(levels).length);
  });

  it('makes field lineage inputs the input ports', async () => {
    const r = await importDcs(file);
    const input = src.models.orders.fields.customer_email_address.lineage.inputFields[0];
    expect(r.descriptor.inputPorts).toEqual([{ lineage: { namespace: input.namespace, name: input.name }, description: `source of orders.customer_email_address from ${input.field}` }]);
  });

  it('reports what it does not carry, with reasons', async () => {
    const { unmapped } = await importDcs(file);
    const reason = (pointer: string) => unmapped.find((u) => u.pointer === pointer)?.reason;
    expect(reason('/servers/production/roles')).toMatch(/access roles/);
    expect(reason('/models/orders/examples')).toMatch(/example data/);
    expect(reason('/info/contact/name')).toMatch(/contact IRI/);
    for (const pointer of ['/id', '/info/title', '/servicelevels/availability/percentage', '/models/orders/fields/order_id/$ref', '/links/datacontractCli']) expect(reason(pointer)).toBeUndefined();
  });

  it('registers a lineage dataset once however many fields read it', async () => {
    const doc = source(file);
    doc.models.orders.fields.customer_id.lineage = { inputFields: [{ namespace: 'com.example.service.checkout', name: 'checkout_db.orders', field: 'customer' }] };
    const r = await importDcs(doc);
    expect(r.descriptor.inputPorts).toHaveLength(1);
    expect(r.descriptor.inputPorts?.[0]?.description).toBe('source of orders.customer_id from customer, orders.customer_email_address from email_address');
  });
});

describe('DCS import: other examples', () => {
  it('splits a 0.9 SodaCL quality specification into SLOs on its model (covid-cases)', async () => {
    const src = source('examples/covid-cases/datacontract.yaml');
    const checks: string[] = src.quality.specification['checks for covid_cases'];
    const r = await importDcs('examples/covid-cases/datacontract.yaml');
    expect(r.descriptor.outputPorts?.[0]?.slos?.map((s) => s.objective)).toEqual(checks);
    expect(r.descriptor.outputPorts?.[0]?.slos?.[1]?.metric).toBe('row_count');
    expect(r.descriptor.links).toMatchObject(src.info.links);
  });

  it('flattens nested fields and keeps an email contact (orders-latest-nested)', async () => {
    const doc = source('examples/orders-latest-nested/datacontract.yaml');
    doc.info.contact.email = 'checkout@example.com';
    const r = await importDcs(doc);
    expect(r.descriptor.owner.contact).toBe('mailto:checkout@example.com');
    expect(r.descriptor.links?.['contact']).toBe(doc.info.contact.url);
    const fields = port(r, 'orders').fields ?? [];
    expect(fields.find((f) => f.name === 'address.additional_lines')?.type).toBe(`array<${doc.models.orders.fields.address.fields.additional_lines.items.type}>`);
  });

  it('makes one port for a contract without models (the init template)', async () => {
    const src = source('datacontract.init.yaml');
    expect(src.models).toBeUndefined();
    const r = await importDcs('datacontract.init.yaml', { domain: 'Sales', owner: 'Sales Team' });
    expect(r.descriptor.outputPorts).toEqual([{ name: 'my-data-contract', kind: 'table' }]);
    expect(r.descriptor).toMatchObject({ domain: 'sales', owner: { team: 'sales-team' } });
    expect(r.notes.join('\n')).toMatch(/no schema objects/);
  });

  it('registers "in development" as draft and reads the production server of several', async () => {
    const doc = source('examples/time-example/datacontract.yaml');
    doc.info.status = 'in development';
    doc.servers = { dev: { type: 'kafka', host: 'dev:9092', topic: 'time' }, ...doc.servers };
    const r = await importDcs(doc);
    expect(r.descriptor.status).toBe('draft');
    expect(r.descriptor.outputPorts?.[0]?.location).toBe(doc.servers.production.location.replace('{model}', 'business_hours'));
    expect(r.unmapped.find((u) => u.pointer === '/servers/dev')?.reason).toMatch(/one location per port/);
  });
});

describe('DCS import: references', () => {
  it('reads only definitions the contract has: a $ref to #/definitions/__proto__ is reported, not read from the prototype', async () => {
    const doc = source('examples/orders-latest/datacontract.yaml');
    doc.models.orders.fields.order_id = { $ref: '#/definitions/__proto__' };
    doc.models.orders.fields.customer_id = { $ref: '#/definitions/constructor' };
    const r = await importDcs(doc);
    const fields = port(r, 'orders').fields ?? [];
    expect(fields.find((f) => f.name === 'order_id')).toEqual({ name: 'order_id', type: 'string' });
    // Nothing of either field was carried but its name, so each is reported whole.
    const pointers = r.unmapped.map((u) => u.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/models/orders/fields/order_id', '/models/orders/fields/customer_id']));
  });

  it("keeps each field's classification in its description, the product taking the most confidential", async () => {
    const src = source('examples/orders-latest/datacontract.yaml');
    const r = await importDcs('examples/orders-latest/datacontract.yaml');
    const email = port(r, 'orders').fields?.find((f) => f.name === 'customer_email_address');
    expect(email?.description).toContain(`classification ${src.models.orders.fields.customer_email_address.classification}`);
  });
});

describe('DCS import: refusals', () => {
  const valid = () => source('examples/orders-latest/datacontract.yaml');

  it('refuses a contract without info, naming the key', async () => {
    const doc = valid();
    delete doc.info;
    const error = await refusal(doc);
    expect(error.findings).toContainEqual({ pointer: '/', message: "must have required property 'info'" });
  });

  it('refuses info without a title, at /info', async () => {
    const doc = valid();
    delete doc.info.title;
    const error = await refusal(doc);
    expect(error.findings).toContainEqual({ pointer: '/info', message: "must have required property 'title'" });
  });

  it('refuses a specification version it does not know', async () => {
    const error = await refusal({ ...valid(), dataContractSpecification: '2.0.0' });
    expect(error.findings.map((f) => f.pointer)).toContain('/dataContractSpecification');
  });

  it('refuses a bad availability percentage, at its place', async () => {
    const doc = valid();
    doc.servicelevels.availability.percentage = 'always';
    const error = await refusal(doc);
    expect(error.findings.map((f) => f.pointer)).toContain('/servicelevels/availability/percentage');
  });
});
