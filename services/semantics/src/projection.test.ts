import { describe, expect, it } from 'vitest';
import { testDescriptor } from '@quanta/core/testing';
import { CONTEXT_IRI } from '@quanta/ontologies';
import { jsonLdToQuads } from './jsonld-io.js';
import { createPinnedLoader } from './pinned-loader.js';
import { conceptTypings, projectProduct } from './projection.js';
import { iri } from './vocabulary.js';

const d = testDescriptor('projected', {
  outputPorts: [
    {
      name: 'stream',
      kind: 'stream',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'odd name/#?', type: 'timestamp', concept: 'https://test.example/ontology/Time' },
      ],
      slos: [{ metric: 'freshness', objective: '<= 1 h', target: 0.99 }, { metric: 'tiny', objective: 'x', target: 1e-7 }],
    },
  ],
  inputPorts: [{ product: 'https://test.example/products/upstream' }, { lineage: { namespace: 'kafka://k', name: 't' } }],
  semanticModel: { '@id': 'https://test.example/ontology/Time', 'http://www.w3.org/2000/01/rdf-schema#label': 'Time' },
});
const P = d.id;
const PORT = `${P}/ports/stream`;

async function triples() {
  const { document } = projectProduct(d);
  const quads = await jsonLdToQuads(document, { loader: createPinnedLoader(), base: null, site: { pointer: '', document, what: 'descriptor' } });
  return quads.map((q) => [q.subject.termType === 'BlankNode' ? '_' : q.subject.value, q.predicate.value, q.object.value]);
}

describe('projectProduct (ADR 0006)', () => {
  it('reads through the Quanta context with identities and types on product, ports, fields, SLOs and inputs', async () => {
    const t = await triples();
    const type = iri('rdf', 'type');
    expect(t).toEqual(
      expect.arrayContaining([
        [P, type, iri('dprod', 'DataProduct')],
        [P, iri('dprod', 'outputPort'), PORT],
        [PORT, type, iri('quanta', 'OutputPort')],
        [PORT, iri('quanta', 'field'), `${PORT}/fields/id`],
        [`${PORT}/fields/id`, type, iri('quanta', 'Field')],
        [`${PORT}/fields/odd%20name%2F%23%3F`, iri('quanta', 'concept'), 'https://test.example/ontology/Time'],
        [PORT, iri('quanta', 'serviceLevelObjective'), `${PORT}/slos/1`],
        [`${PORT}/slos/0`, type, iri('quanta', 'ServiceLevelObjective')],
        [`${PORT}/slos/0`, iri('quanta', 'target'), '0.99'],
        [`${PORT}/slos/1`, iri('quanta', 'target'), '0.0000001'],
        [P, iri('dprod', 'inputPort'), `${P}/inputs/1`],
        [`${P}/inputs/0`, type, iri('quanta', 'InputPort')],
        [`${P}/inputs/0`, iri('quanta', 'upstreamProduct'), 'https://test.example/products/upstream'],
        ['_', iri('quanta', 'team'), 'testers'],
      ]),
    );
  });

  it("keeps a field's `type` as its data type (quanta:fieldType), never as rdf:type", async () => {
    const t = await triples();
    expect(t).toContainEqual([`${PORT}/fields/id`, iri('quanta', 'fieldType'), 'string']);
    expect(t.filter(([s, p]) => s === `${PORT}/fields/id` && p === iri('rdf', 'type')).map(([, , o]) => o)).toEqual([iri('quanta', 'Field')]);
  });

  it('leaves the semantic model out: its triples are merged instead of a JSON literal', async () => {
    const { document } = projectProduct(d);
    expect(document).not.toHaveProperty('semanticModel');
    expect(document['@context']).toBe(CONTEXT_IRI);
    expect((await triples()).some(([, p]) => p === iri('quanta', 'semanticModel'))).toBe(false);
  });

  it('maps every node it names to a JSON Pointer into the descriptor', () => {
    expect(Object.fromEntries(projectProduct(d).pointers)).toEqual({
      [P]: '',
      [PORT]: '/outputPorts/0',
      [`${PORT}/fields/id`]: '/outputPorts/0/fields/0',
      [`${PORT}/fields/odd%20name%2F%23%3F`]: '/outputPorts/0/fields/1',
      [`${PORT}/slos/0`]: '/outputPorts/0/slos/0',
      [`${PORT}/slos/1`]: '/outputPorts/0/slos/1',
      [`${P}/inputs/0`]: '/inputPorts/0',
      [`${P}/inputs/1`]: '/inputPorts/1',
    });
  });

  it('types each known concept once as quanta:Concept', () => {
    const quads = conceptTypings(['https://c.test/a', 'https://c.test/a', 'https://c.test/b']);
    expect(quads.map((q) => `${q.subject.value} ${q.object.value}`)).toEqual([
      `https://c.test/a ${iri('quanta', 'Concept')}`,
      `https://c.test/b ${iri('quanta', 'Concept')}`,
    ]);
  });
});
