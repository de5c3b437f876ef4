import { describe, expect, it } from 'vitest';
import { CONTEXT_IRI, QUANTA_NS, loadContext } from './index.js';
import { contextTerms } from './testing/rdf.js';

/** Every key a descriptor may hold, at any depth (services/model/src/descriptor.ts), besides `@context`. */
const DESCRIPTOR_KEYS = [
  'id', 'name', 'title', 'description', 'domain', 'owner', 'team', 'contact', 'status', 'version', 'tags', 'concepts',
  'outputPorts', 'inputPorts', 'kind', 'format', 'location', 'lineage', 'namespace', 'product', 'fields', 'type', 'concept',
  'pii', 'slos', 'metric', 'objective', 'target', 'window', 'semanticModel', 'semanticModelFormat', 'classification',
  'confidentiality', 'links',
];

type Definition = string | { '@id'?: string; '@type'?: string; '@container'?: string };

describe('the default JSON-LD context', () => {
  const context = loadContext()['@context'] as Record<string, Definition | number | boolean>;
  const definition = (key: string) => context[key] as Definition;

  it('is a protected JSON-LD 1.1 context', () => {
    expect(context['@version']).toBe(1.1);
    expect(context['@protected']).toBe(true);
  });

  it('maps every descriptor key to a term', () => {
    for (const key of DESCRIPTOR_KEYS) expect(context, key).toHaveProperty(key);
    expect(context.id).toBe('@id');
  });

  it('expands every term through a prefix the context defines', () => {
    const terms = contextTerms(); // throws on an undefined prefix
    expect(terms.get('team')?.iri).toBe(`${QUANTA_NS}team`);
    expect(terms.size).toBeGreaterThanOrEqual(DESCRIPTOR_KEYS.length - 1 + 6); // less `id`, plus the type terms
  });

  it('reads ports, inputs, fields and SLOs as unordered sets, never RDF lists', () => {
    for (const key of ['outputPorts', 'inputPorts', 'fields', 'slos', 'concepts', 'tags']) {
      expect((definition(key) as { '@container'?: string })['@container'], key).toBe('@set');
    }
    const lists = Object.entries(context).filter(([, d]) => typeof d === 'object' && d['@container'] === '@list');
    expect(lists.map(([key]) => key)).toEqual([]);
  });

  it('defines the type terms the RDF projection writes as @type', () => {
    const terms = contextTerms();
    expect(terms.get('DataProduct')?.iri).toBe('https://ekgf.github.io/dprod/DataProduct');
    for (const local of ['OutputPort', 'InputPort', 'Field', 'ServiceLevelObjective', 'Concept']) {
      expect(terms.get(local)?.iri, local).toBe(`${QUANTA_NS}${local}`);
    }
  });

  it('keeps `type` for a field data type: no term aliases @type', () => {
    expect(context.type).toBe('quanta:fieldType');
    expect(Object.entries(context).filter(([, d]) => d === '@type' || (typeof d === 'object' && d['@id'] === '@type'))).toEqual([]);
  });

  it('keeps links and the semantic model as JSON literals', () => {
    expect((definition('links') as { '@type': string })['@type']).toBe('@json');
    expect((definition('semanticModel') as { '@type': string })['@type']).toBe('@json');
  });

  it('is published under the IRI descriptors may name', () => {
    expect(CONTEXT_IRI).toMatch(/\/ns\/context\.jsonld$/);
    expect(CONTEXT_IRI.startsWith(QUANTA_NS)).toBe(true);
  });
});
