import type { Descriptor, DescriptorInput } from '@quanta/model';
import { parseDescriptor } from '@quanta/model';
import { descriptorHash } from '../projections/descriptor-hash.js';
import { productGraph } from '../projections/product-graph.js';
import type { SaveProductInput } from '../ports/knowledge-graph.js';
import type { SearchDocument } from '../ports/search-index.js';

/** Base IRI of test products. */
export const TEST_BASE = 'https://test.example/products';

/** A valid descriptor for `name`, with any fields overridden. */
export function testDescriptor(name: string, overrides: Partial<DescriptorInput> = {}): Descriptor {
  return parseDescriptor({
    id: `${TEST_BASE}/${name}`,
    name,
    title: name.replace(/-/g, ' '),
    description: `Test product ${name}.`,
    domain: 'testing',
    owner: { team: 'testers' },
    outputPorts: [{ name: 'table', kind: 'table', fields: [{ name: 'id', type: 'string' }] }],
    ...overrides,
  });
}

/** What a registration of `descriptor` hands the knowledge graph. */
export function saveInput(descriptor: Descriptor, at = '2026-01-01T00:00:00.000Z', by = 'tester'): SaveProductInput {
  return {
    revision: { iri: descriptor.id, descriptor, hash: descriptorHash(descriptor), recordedAt: at, recordedBy: by },
    graph: productGraph(descriptor),
  };
}

/** A search document with sensible defaults. */
export function testDocument(name: string, overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    iri: `${TEST_BASE}/${name}`,
    name,
    title: name.replace(/-/g, ' '),
    description: '',
    domain: 'testing',
    owner: 'testers',
    status: 'active',
    tags: [],
    portKinds: ['table'],
    fieldNames: [],
    concepts: [],
    revision: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
