import { describe, expect, it } from 'vitest';
import { ValidationError } from '@quanta/model';
import { testDescriptor } from '@quanta/core/testing';
import { CONTEXT_IRI, type ContextDocument, pinnedContexts } from '@quanta/ontologies';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';

const ONTOLOGY = 'https://test.example/ontology/';
const layer = JsonLdSemanticLayer.create();
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a ValidationError'),
    (e: unknown) => e as ValidationError,
  );

describe('safe-mode expansion: nothing is dropped silently', () => {
  it('refuses a term the model context does not define, naming it and pointing at it', async () => {
    const model = { '@context': { ex: ONTOLOGY }, '@graph': [{ '@id': 'ex:Listener', 'ex:label': 'ok', colour: 'red' }] };
    const error = await failure(layer.analyze(testDescriptor('undefined-term', { semanticModel: model }), new Set()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('"colour"');
    expect(error.issues).toEqual([{ pointer: '/semanticModel/@graph/0/colour', message: expect.stringContaining('"colour"') }]);
  });

  it('refuses a model without any context whose keys are not IRIs', async () => {
    const error = await failure(layer.analyze(testDescriptor('no-context', { semanticModel: { label: 'x' } }), new Set()));
    expect(error.message).toContain('"label"');
    expect(error.issues[0]?.pointer).toBe('/semanticModel/label');
  });

  it('reads a model that uses only full IRIs and terms its context defines', async () => {
    const model = { '@id': `${ONTOLOGY}Listener`, 'http://www.w3.org/2000/01/rdf-schema#label': 'Listener' };
    const semantics = await layer.analyze(testDescriptor('full-iris', { semanticModel: model }), new Set());
    expect(semantics.modelHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('resolves relative IRIs in a model against the product IRI', async () => {
    const model = { '@context': { rdfs: 'http://www.w3.org/2000/01/rdf-schema#' }, '@id': '#Mood', '@type': 'rdfs:Class' };
    const d = testDescriptor('relative', { semanticModel: model });
    const semantics = await layer.analyze(d, new Set());
    expect(semantics.concepts).toContainEqual({ iri: `${d.id}#Mood`, label: 'Mood', defined: true });
  });

  it('refuses a descriptor key the Quanta context misses, at its pointer, instead of dropping its value', async () => {
    // The shipped context maps every descriptor key; a context that lost one must not let the value vanish.
    const contexts = new Map<string, ContextDocument>(pinnedContexts());
    const quanta = structuredClone(contexts.get(CONTEXT_IRI)) as { '@context': Record<string, unknown> };
    delete quanta['@context'].title;
    contexts.set(CONTEXT_IRI, quanta);
    const error = await failure(JsonLdSemanticLayer.create({ contexts }).analyze(testDescriptor('titled'), new Set()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('"title"');
    expect(error.issues[0]?.pointer).toBe('/title');
  });

  it('refuses a type term the Quanta context misses rather than minting a relative type', async () => {
    const contexts = new Map<string, ContextDocument>(pinnedContexts());
    const quanta = structuredClone(contexts.get(CONTEXT_IRI)) as { '@context': Record<string, unknown> };
    delete quanta['@context'].Field;
    contexts.set(CONTEXT_IRI, quanta);
    const error = await failure(JsonLdSemanticLayer.create({ contexts }).analyze(testDescriptor('typed'), new Set()));
    expect(error.message).toContain('"Field"');
  });

  it('never sees an object semantic model declared as Turtle: the descriptor schema refuses it first', () => {
    const mismatch = () => testDescriptor('mismatch', { semanticModel: { '@id': `${ONTOLOGY}x` }, semanticModelFormat: 'text/turtle' });
    expect(mismatch).toThrow(ValidationError);
    try {
      mismatch();
    } catch (error) {
      expect((error as ValidationError).issues[0]?.pointer).toBe('/semanticModelFormat');
    }
  });
});
