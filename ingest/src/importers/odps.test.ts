import { readdirSync, readFileSync } from 'node:fs';
import { DescriptorSchema } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importDocument } from './import-document.js';
import { ImportRefusedError } from './import-types.js';
import { refusalOf } from './test-kit.js';

const EXAMPLES = new URL('../../../../shared/fixtures/odps/docs/examples/', import.meta.url);
const text = (file: string) => readFileSync(new URL(file, EXAMPLES), 'utf8');
const refusal = refusalOf;

interface Port {
  name: string;
  version: string;
  contractId: string;
}

describe('ODPS import (v0.9.0 and v1.0.0 documents, against the v1.0.0 schema)', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')))('imports the standard\'s example %s', async (file) => {
    const source = parse(text(file)) as { id: string; name: string; version?: string; tags: string[]; outputPorts: Port[]; inputPorts: Port[] };
    const { descriptor, standardVersion } = await importDocument('odps', text(file));
    expect(standardVersion).toBe('v0.9.0');
    expect(descriptor.id).toBe(`urn:uuid:${source.id}`);
    expect(descriptor.title).toBe(source.name);
    expect(descriptor.version).toBe(source.version);
    expect(descriptor.tags).toEqual(source.tags);
    expect(descriptor.outputPorts).toHaveLength(source.outputPorts.length);
    expect(descriptor.inputPorts?.map((p) => ('product' in p ? p.product : ''))).toEqual(source.inputPorts.map((p) => `urn:uuid:${p.contractId}`));
  });

  it('maps the customer product: owner from the team member whose role is owner, support as links, ports keyed by name and version', async () => {
    const r = await importDocument('odps', text('customer-data-product.odps.yaml'));
    expect(r.descriptor).toMatchObject({
      name: 'customer-data-product',
      domain: 'seller',
      status: 'draft',
      owner: { team: 'data-team', contact: 'mailto:john.doe@retailcorp.com' },
      // Support links are keyed by channel, as ODCS's are; the tool is reported.
      links: { 'data-team-slack': 'https://retailcorp.slack.com/archives/C1234567890', 'email-support': 'mailto:data-support@retailcorp.com' },
    });
    expect(r.descriptor.description).toMatch(/^Enterprise view of a customer\.\n\nLimitations: No known limitations\.\n\nUsage: /);
    expect(r.descriptor.outputPorts?.map((p) => p.name)).toEqual(['rawtransactions-v1.0.0', 'rawtransactions-v2.0.0', 'consolidatedtransactions', 'fulltransactionswithreturns']);
    expect(r.descriptor.outputPorts?.every((p) => p.kind === 'table')).toBe(true);
    const graph = (r.descriptor.semanticModel as { '@graph': Record<string, unknown>[] })['@graph'];
    expect(graph[0]).toMatchObject({ 'dct:created': { '@value': '2023-01-15T10:30:00Z' }, 'dct:identifier': 'fbe8d147-28db-4f1d-bedf-a3fe9f458427' });
    expect(graph).toContainEqual(expect.objectContaining({ 'dcat:version': '2.0.0', 'dct:conformsTo': { '@id': 'urn:uuid:c2798941-1b7e-4b03-9e0d-955b1a872b33' } }));
  });

  it('reports every part it could not map, by JSON Pointer, and nothing it did map', async () => {
    const r = await importDocument('odps', text('customer-data-product.odps.yaml'));
    const pointers = r.unmapped.map((u) => u.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/tenant', '/managementPorts', '/outputPorts/1/sbom', '/outputPorts/1/inputContracts', '/inputPorts/3/customProperties']));
    expect(r.unmapped.find((u) => u.pointer === '/tenant')?.reason).toMatch(/tenant/);
    for (const mapped of ['/id', '/name', '/domain', '/outputPorts/0/name', '/support/0/url', '/team/name', '/productCreatedTs']) expect(pointers).not.toContain(mapped);
    expect(r.notes).toContainEqual(expect.stringContaining('<name>-v<version>'));
  });

  it('names the defaults it chose when the source is silent, and takes --domain and --owner', async () => {
    const bare = await importDocument('odps', text('simple-data-product.odps.yaml'));
    expect(bare.descriptor).toMatchObject({ domain: 'unassigned', owner: { team: 'unassigned' } });
    expect(bare.notes).toEqual(expect.arrayContaining([expect.stringContaining('pass --domain'), expect.stringContaining('pass --owner')]));
    const given = await importDocument('odps', text('simple-data-product.odps.yaml'), { domain: 'Quality Lab', owner: 'qa' });
    expect(given.descriptor).toMatchObject({ domain: 'quality-lab', owner: { team: 'qa' } });
  });

  it('mints <base>/<domain>/<name> for an id that is neither a UUID nor an IRI', async () => {
    const doc = { ...(parse(text('simple-data-product.odps.yaml')) as object), id: 'simple-1', domain: 'lab' };
    expect((await importDocument('odps', stringify(doc), { baseIri: 'https://lab.example/products/' })).descriptor.id).toBe('https://lab.example/products/lab/simple-data-product');
    expect((await importDocument('odps', stringify(doc))).descriptor.id).toBe('urn:odps:simple-1');
  });

  it('refuses a document that breaks the ODPS schema, with every finding and where it is', async () => {
    const doc = parse(text('simple-data-product.odps.yaml')) as Record<string, unknown>;
    const err = await refusal(importDocument('odps', stringify({ ...doc, id: undefined, kind: 'DataContract', outputPorts: [{ name: 'x' }] })));
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect(err?.message).toBe('not a valid ODPS document (odps-v1.0.0.schema.json)');
    expect(err?.findings).toEqual(
      expect.arrayContaining([
        { pointer: '/', message: "must have required property 'id'" },
        { pointer: '/kind', message: 'must be equal to one of the allowed values: DataProduct' },
        { pointer: '/outputPorts/0', message: "must have required property 'version'" },
      ]),
    );
  });

  it('keys support links as every importer does: a letter first, at most 64 characters, repeats numbered', async () => {
    const doc = parse(text('simple-data-product.odps.yaml')) as Record<string, unknown>;
    const long = `Support ${'very '.repeat(20)}long`;
    const support = [
      { channel: '24/7 hotline', url: 'https://help.example/hotline' },
      { channel: long, url: 'https://help.example/long' },
      { channel: 'Help', url: 'https://help.example/1', tool: 'slack' },
      { channel: 'help', url: 'https://help.example/2' },
      { channel: 'HELP!', url: 'https://help.example/3' },
    ];
    const r = await importDocument('odps', stringify({ ...doc, support }));
    expect(DescriptorSchema.safeParse(r.descriptor).success).toBe(true);
    const links = r.descriptor.links ?? {};
    expect(Object.values(links)).toEqual(support.map((s) => s.url));
    expect(Object.keys(links)).toEqual(['link-24-7-hotline', expect.stringMatching(/^support-very-very-/), 'Help', 'help', 'help-2']);
    expect(Object.keys(links).every((k) => k.length <= 64)).toBe(true);
    expect(r.unmapped).toContainEqual({ pointer: '/support/2/tool', reason: "the link is keyed by the channel's name; its tool (slack) is not kept" });
  });

  it('reports an owner username that cannot be a contact, and the parts of the description it does not carry', async () => {
    const doc = parse(text('customer-data-product.odps.yaml')) as { team: { members: { username: string; role?: string }[] }; description: Record<string, unknown> };
    const owner = doc.team.members.findIndex((m) => /owner/i.test(m.role ?? ''));
    doc.team.members[owner]!.username = 'jdoe';
    doc.description.authoritativeDefinitions = [{ type: 'privacy-statement', url: 'https://retailcorp.example/privacy' }];
    const r = await importDocument('odps', stringify(doc));
    expect(r.descriptor.owner.contact).toBeUndefined();
    const reason = (pointer: string) => r.unmapped.find((u) => u.pointer === pointer)?.reason;
    expect(reason(`/team/members/${owner}/username`)).toMatch(/neither an email address nor a URL/);
    expect(reason('/description/authoritativeDefinitions')).toBeDefined();
    for (const carried of ['/description/purpose', '/description/usage']) expect(reason(carried)).toBeUndefined();
  });

  it('keeps 50 tags and reports the rest, and a tag with nothing to slug', async () => {
    const doc = parse(text('simple-data-product.odps.yaml')) as Record<string, unknown>;
    const tags = ['***', ...Array.from({ length: 52 }, (_, i) => `tag ${i}`)];
    const r = await importDocument('odps', stringify({ ...doc, tags }));
    expect(r.descriptor.tags).toEqual(tags.slice(1, 51).map((t) => t.replace(' ', '-')));
    expect(r.unmapped.filter((u) => u.pointer.startsWith('/tags/'))).toEqual([
      { pointer: '/tags/0', reason: 'a tag with no letter or digit has no slug' },
      { pointer: '/tags/51', reason: 'Quanta holds at most 50 tags per product' },
      { pointer: '/tags/52', reason: 'Quanta holds at most 50 tags per product' },
    ]);
  });

  it('says where the ports\' contracts are, and when --base-iri would break a link to one', async () => {
    const doc = parse(text('customer-data-product.odps.yaml')) as { outputPorts: Port[] };
    const contract = doc.outputPorts[0]!.contractId;
    expect((await importDocument('odps', stringify(doc))).notes).toContainEqual(expect.stringMatching(new RegExp(`^the ports' schemas, SLAs and quality rules live in their ODCS contracts \\(${contract}, `)));
    doc.outputPorts[0]!.contractId = 'orders-contract';
    const plain = await importDocument('odps', stringify(doc));
    expect(plain.notes.join('\n')).not.toContain('--base-iri');
    const minted = await importDocument('odps', stringify(doc), { baseIri: 'https://data.example/products' });
    expect(minted.descriptor.semanticModel).toMatchObject({ '@graph': expect.arrayContaining([expect.objectContaining({ 'dct:conformsTo': { '@id': 'urn:odcs:orders-contract' } })]) });
    expect(minted.notes).toContainEqual(expect.stringMatching(/^contracts orders-contract are linked as urn:odcs:<id>.*https:\/\/data\.example\/products\/<domain>\/<name>/));
  });

  it('refuses what is not a YAML or JSON object', async () => {
    expect((await refusal(importDocument('odps', 'id: [unclosed')))?.message).toMatch(/^not YAML or JSON: /);
    expect((await refusal(importDocument('odps', '- a\n- b\n')))?.message).toBe('ODPS documents are YAML or JSON objects');
  });
});
