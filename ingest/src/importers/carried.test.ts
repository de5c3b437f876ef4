import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { traceImport } from './import-document.js';
import type { Standard } from './import-types.js';

/**
 * ADR 0015, "nothing is dropped silently", from the other side: whatever the mapping marks used
 * must be in the descriptor. For every example of the four standards, each string under a part
 * marked used appears in some string of the descriptor (a value or a link key), or is one of the
 * few deliberate transformations listed below.
 */
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const examples: [Standard, string][] = [
  ...walk(join(FIXTURES, 'odps/docs/examples')).filter((f) => f.endsWith('.yaml')).map((f): [Standard, string] => ['odps', f]),
  ...walk(join(FIXTURES, 'odcs/docs/examples')).filter((f) => f.endsWith('.odcs.yaml')).map((f): [Standard, string] => ['odcs', f]),
  ['dpds', join(FIXTURES, 'dpds/examples/tripexecution/data-product-descriptor.json')],
  ...walk(join(FIXTURES, 'datacontract-specification')).filter((f) => /datacontract(\.init)?\.yaml$/.test(f)).map((f): [Standard, string] => ['dcs', f]),
];

/** The value at a JSON Pointer. */
function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}

/** Every string in a value, keys of objects included (link keys carry labels). */
function strings(value: unknown, keys = false): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, keys));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(keys ? [k] : []), ...strings(v, keys)]);
  return [];
}

/** Names, domains, teams, tags and link keys are slugs: `Data Team` is carried as `data-team`, DPDS's `tripExecution` as `trip-execution`. */
const slugs = (text: string) => [slug(text), slug(text.replace(/([a-z0-9])([A-Z])/g, '$1-$2'))].filter((s) => s !== '');
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The deliberate transformations (ADR 0015's table), by the pointers they read. */
const TRANSFORMED: { pointer: RegExp; why: string }[] = [
  { pointer: /^(\/info)?\/(x-)?status$/, why: 'statuses are mapped onto the four the catalog knows' },
  { pointer: /^\/kind$/, why: "the document's kind is its standard's (DataProduct, DataContract), which its schema checks" },
  {
    pointer: /^\/outputPorts\/\d+\/type$|^\/servers\/[^/]+\/type$|^\/schema\/\d+\/physicalType$|^\/models\/[^/]+\/type$|\/promises\/services?Type$/,
    why: "a port's, schema object's, model's or server's type is read as the port's kind",
  },
  { pointer: /^\/schema\/\d+\/logicalType$/, why: 'a schema object is always of logical type object: the port kind says more' },
  { pointer: /\/authoritativeDefinitions\/\d+\/type$/, why: 'a business or semantic definition type is what makes its URL a concept' },
  { pointer: /^\/servers\/[^/]+\/(location|path)$/, why: "a DCS server's location template is filled in with each model's name" },
  { pointer: /\/\$ref$/, why: 'a reference is replaced by what it names (a DCS field by its definition)' },
];

describe('what the importers mark used is in the descriptor', () => {
  it('finds the examples of the four standards', () => {
    expect(new Set(examples.map(([s]) => s)).size).toBe(4);
    expect(examples.every(([, f]) => existsSync(f))).toBe(true);
  });

  it.each(examples.map(([s, f]) => [s, f.slice(FIXTURES.length), f]))('%s: %s', async (standard, _name, file) => {
    const { result, source } = await traceImport(standard as Standard, readFileSync(file, 'utf8'), { path: file });
    // The standard's version is carried beside the descriptor, as the result's standardVersion.
    const carried = [...strings(result.descriptor, true), result.standardVersion];
    const present = (text: string) => [text, ...slugs(text)].some((t) => carried.some((c) => c.includes(t)));
    const missing = source
      .carried()
      .filter((pointer) => !TRANSFORMED.some((t) => t.pointer.test(pointer)))
      .flatMap((pointer) => strings(at(source.document, pointer)).map((text) => ({ pointer, text: text.trim() })))
      .filter(({ text }) => text !== '' && !present(text));
    expect(missing).toEqual([]);
  });
});
