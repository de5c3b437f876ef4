import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument } from './import-document.js';
import { treeOf } from './json-reading.js';
import { refusalOf } from './test-kit.js';

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A DCS contract with one model whose fields are given as YAML text (indented under `fields:`). */
const dcs = (fields: string) => `dataContractSpecification: 1.2.1
id: cyclic
info: {title: Cyclic, version: 1.0.0}
models:
  orders:
    fields:
${fields}
`;

describe('reading a document: YAML aliases', () => {
  it('refuses an alias that names a part containing it, instead of overflowing the stack in schema validation', async () => {
    const error = await refusalOf(importDocument('dcs', dcs('      id: &f {type: object, fields: {child: *f}}')));
    expect(error.message).toBe('the document is cyclic: a YAML alias names a part that contains it');
    expect(error.findings).toEqual([{ pointer: '/models/orders/fields/id/fields/child', message: 'this alias names a part that contains it' }]);
  });

  it('refuses the alias cycle of the review (fields: &f {a: {type: object, fields: *f}}) for every standard', async () => {
    for (const standard of ['odps', 'odcs', 'dpds', 'dcs'] as const) {
      const error = await refusalOf(importDocument(standard, 'fields: &f {a: {type: object, fields: *f}}'));
      expect(error.message).toMatch(/cyclic/);
    }
  });

  it('expands an alias that makes no cycle into a copy of its own, so each part has one pointer', async () => {
    const r = await importDocument('dcs', dcs('      id: &id {type: string, description: An id}\n      other_id: *id'));
    expect(r.descriptor.outputPorts?.[0]?.fields?.map((f) => [f.name, f.description])).toEqual([
      ['id', 'An id'],
      ['other_id', 'An id'],
    ]);
    expect(r.unmapped).toEqual([]);
  });

  it('keeps a __proto__ key as a key: reported, never the prototype', async () => {
    const r = await importDocument('dcs', dcs('      id: {type: string, __proto__: {description: polluted}}'));
    expect(r.descriptor.outputPorts?.[0]?.fields?.[0]?.description).toBeUndefined();
    expect(r.unmapped).toContainEqual({ pointer: '/models/orders/fields/id/__proto__', reason: expect.any(String) });
    const tree = treeOf(JSON.parse('{"a": {"__proto__": {"x": 1}}}'), 'the document') as { a: object };
    expect(Object.getPrototypeOf(tree.a)).toBe(Object.prototype);
    expect(Object.keys(tree.a)).toEqual(['__proto__']);
  });

  it('refuses a cyclic YAML file a DPDS $ref names, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanta-import-'));
    temp.push(dir);
    writeFileSync(join(dir, 'port.yaml'), 'name: orders\nversion: 1.0.0\npromises: &p {api: {specification: custom, definition: {again: *p}}}\n');
    const path = join(dir, 'descriptor.json');
    const doc = {
      dataProductDescriptor: '1.0.0',
      info: { fullyQualifiedName: 'urn:dpds:lab:dataproducts:loop:1', name: 'loop', version: '1.0.0', domain: 'lab', owner: { id: 'lab@example.com' } },
      interfaceComponents: { outputPorts: [{ $ref: 'port.yaml' }] },
    };
    writeFileSync(path, JSON.stringify(doc));
    const error = await refusalOf(importDocument('dpds', JSON.stringify(doc), { path }));
    expect(error.message).toBe('port.yaml is cyclic: a YAML alias names a part that contains it');
  });
});
