import { afterAll, describe, expect, it } from 'vitest';
import { UnavailableError, ValidationError } from '@quanta/model';
import { runSemanticLayerContract, testDescriptor } from '@quanta/core/testing';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';
import { WorkerPoolSemanticLayer } from './worker-pool-semantic-layer.js';

const pool = WorkerPoolSemanticLayer.create({ threads: 2 });
afterAll(() => pool.close());

runSemanticLayerContract('WorkerPoolSemanticLayer', { create: () => pool });

const ONTOLOGY = 'https://test.example/ontology/';

describe('WorkerPoolSemanticLayer', () => {
  it('finds exactly what the in-process layer finds', async () => {
    const inProcess = JsonLdSemanticLayer.create();
    const model = {
      '@context': { ex: ONTOLOGY, owl: 'http://www.w3.org/2002/07/owl#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
      '@graph': [{ '@id': 'ex:Listener', '@type': 'owl:Class', 'rdfs:label': 'Listener', 'owl:sameAs': { '@id': 'https://other.example/Listener' } }],
    };
    const descriptors = [
      testDescriptor('bare'),
      testDescriptor('modelled', { semanticModel: model, description: 'Too short.' }),
      testDescriptor('claims', { outputPorts: [{ name: 't', kind: 'table', fields: [{ name: 'l', type: 'string', concept: `${ONTOLOGY}Listener` }] }] }),
    ];
    const known = new Set([`${ONTOLOGY}Listener`]);
    for (const d of descriptors) {
      const expected = await inProcess.analyze(d, known);
      expect(expected.findings.length + expected.concepts.length).toBeGreaterThan(0);
      expect(await pool.analyze(d, known)).toEqual(expected);
    }
  });

  it('refuses an input that needs more heap than a thread may hold, and answers the next one', async () => {
    const small = WorkerPoolSemanticLayer.create({ threads: 1, maxHeapMb: 48 });
    try {
      const graph = Array.from({ length: 400_000 }, (_, i) => ({ '@id': `ex:c${i}`, 'rdfs:label': `concept number ${i}` }));
      const model = { '@context': { ex: ONTOLOGY, rdfs: 'http://www.w3.org/2000/01/rdf-schema#' }, '@graph': graph };
      const error = await small.analyze(testDescriptor('huge', { semanticModel: model }), new Set()).then(
        () => expect.unreachable('expected a ValidationError'),
        (e: unknown) => e as ValidationError,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/more memory to analyse than Quanta allows/);
      expect((await small.analyze(testDescriptor('after'), new Set())).findings).toEqual(
        (await JsonLdSemanticLayer.create().analyze(testDescriptor('after'), new Set())).findings,
      );
    } finally {
      await small.close();
    }
  }, 60_000);

  it('fails at creation, on the calling thread, when the shapes are broken or no thread is asked for', () => {
    expect(() => WorkerPoolSemanticLayer.create({ threads: 1, shapes: 'this is not turtle' })).toThrow(/Turtle syntax error on line 1/);
    expect(() => WorkerPoolSemanticLayer.create({ threads: 0 })).toThrow(RangeError);
  });

  it('finishes the task under way when closed, then refuses new ones as unavailable', async () => {
    const closing = WorkerPoolSemanticLayer.create({ threads: 1 });
    const underWay = closing.analyze(testDescriptor('under-way'), new Set());
    await closing.close();
    expect((await underWay).findings.length).toBeGreaterThan(0);
    await expect(closing.analyze(testDescriptor('late'), new Set())).rejects.toBeInstanceOf(UnavailableError);
  });
});
