import { readdirSync, readFileSync } from 'node:fs';
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
      links: { slack: 'https://retailcorp.slack.com/archives/C1234567890', email: 'mailto:data-support@retailcorp.com' },
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

  it('refuses what is not a YAML or JSON object', async () => {
    expect((await refusal(importDocument('odps', 'id: [unclosed')))?.message).toMatch(/^not YAML or JSON: /);
    expect((await refusal(importDocument('odps', '- a\n- b\n')))?.message).toBe('ODPS documents are YAML or JSON objects');
  });
});
