import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@quanta/model';
import { testDescriptor } from '@quanta/core/testing';
import { CONTEXT_IRI, type ContextDocument, pinnedContexts } from '@quanta/ontologies';
import { MAX_CONTEXT_DEPTH, assertSafeContexts } from './context-guard.js';
import { jsonLdToQuads } from './jsonld-io.js';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';
import { createPinnedLoader } from './pinned-loader.js';

const ONTOLOGY = 'https://test.example/ontology/';
const BASE = 'https://test.example/products/remote';

/** Where a context URL can hide in a semantic model, and the pointer it must be reported at. */
const PLACES: readonly { name: string; model: (url: string) => Record<string, unknown>; pointer: string }[] = [
  { name: 'the top of the model', model: (url) => ({ '@context': url, '@id': `${ONTOLOGY}a` }), pointer: '/semanticModel/@context' },
  {
    name: 'a scoped context of a term',
    model: (url) => ({ '@context': { ex: ONTOLOGY, knows: { '@id': 'ex:knows', '@context': url } }, '@id': 'ex:a', knows: { '@id': 'ex:b' } }),
    pointer: '/semanticModel/@context/knows/@context',
  },
  {
    name: 'a node nested in the graph',
    model: (url) => ({ '@context': { ex: ONTOLOGY }, '@graph': [{ '@context': url, '@id': 'ex:a' }] }),
    pointer: '/semanticModel/@graph/0/@context',
  },
  { name: 'an array of contexts', model: (url) => ({ '@context': [{ ex: ONTOLOGY }, url], '@id': 'ex:a' }), pointer: '/semanticModel/@context/1' },
  {
    name: 'an @import',
    model: (url) => ({ '@context': { '@version': 1.1, '@import': url, ex: ONTOLOGY }, '@id': 'ex:a' }),
    pointer: '/semanticModel/@context/@import',
  },
];

describe('remote contexts are refused without any I/O', () => {
  let server: Server;
  let requests = 0;
  let trap = '';
  beforeAll(async () => {
    // A real context server: if anything fetched from it, the count would show it.
    server = createServer((req, res) => {
      requests++;
      res.setHeader('content-type', 'application/ld+json');
      res.end(JSON.stringify({ '@context': req.url === '/cycle.jsonld' ? `${trap}` : { ex: ONTOLOGY } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    trap = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cycle.jsonld`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const urls = () => [
    'http://169.254.169.254/',
    'http://localhost:7700',
    'file:///etc/passwd',
    'http://example.org/context.jsonld',
    trap,
  ];
  const layer = JsonLdSemanticLayer.create();
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('a remote context was accepted'),
      (e: unknown) => e as ValidationError,
    );

  for (const place of PLACES) {
    it(`refuses every remote URL in ${place.name}, at its JSON Pointer, naming the allowed contexts`, async () => {
      for (const url of urls()) {
        const error = await failure(layer.analyze(testDescriptor('remote', { semanticModel: place.model(url) }), new Set()));
        expect(error, url).toBeInstanceOf(ValidationError);
        expect(error.message).toContain(`"${url}"`);
        expect(error.message).toContain(CONTEXT_IRI);
        expect(error.issues).toEqual([{ pointer: place.pointer, message: expect.stringContaining(url) }]);
      }
      expect(requests).toBe(0);
    });

    it(`has the loader refuse them in ${place.name} too when jsonld asks for them, unwrapped`, async () => {
      // Past the guard, straight into jsonld: the loader is the last line, and its error must come out as thrown.
      for (const url of urls()) {
        const model = place.model(url);
        const read = jsonLdToQuads(model, {
          loader: createPinnedLoader({ pointer: '/semanticModel/@context' }),
          base: BASE,
          site: { pointer: '/semanticModel', document: model, what: 'semantic model' },
        });
        const error = await failure(read);
        expect(error, url).toBeInstanceOf(ValidationError);
        expect(error.message).toContain(`"${url}"`);
        expect(error.issues[0]?.pointer).toBe('/semanticModel/@context');
      }
      expect(requests).toBe(0);
    });
  }

  it('serves the pinned contexts, each load a fresh copy jsonld may rewrite', async () => {
    const load = createPinnedLoader();
    const first = await load(CONTEXT_IRI);
    expect(first.document).toEqual(pinnedContexts().get(CONTEXT_IRI));
    (first.document['@context'] as Record<string, unknown>).id = 'changed';
    expect((await load(CONTEXT_IRI)).document['@context']).toMatchObject({ id: '@id' });
  });

  it('fails fast on a self-referencing context: the first reference is refused, so the cycle never starts', async () => {
    const started = Date.now();
    const error = await failure(layer.analyze(testDescriptor('cyclic', { semanticModel: { '@context': trap } }), new Set()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(requests).toBe(0);
  });

  it('ships pinned contexts that name no other URL, so no cycle can run through them', () => {
    for (const [url, document] of pinnedContexts()) {
      expect(() => assertSafeContexts(document, { pinned: new Map(), pointer: '' }), url).not.toThrow();
    }
  });

  it('turns a cycle among pinned contexts into a ValidationError as well', async () => {
    const a = 'https://pinned.test/a.jsonld';
    const b = 'https://pinned.test/b.jsonld';
    const pinned = new Map<string, ContextDocument>([
      [a, { '@context': [b] }],
      [b, { '@context': [a, { ex: ONTOLOGY }] }],
    ]);
    const model = { '@context': a, '@id': 'ex:x' };
    const read = jsonLdToQuads(model, { loader: createPinnedLoader({ pinned }), base: BASE, site: { pointer: '/semanticModel', document: model, what: 'semantic model' } });
    const error = await failure(read);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/cycl|recursive|overflow/i);
  });

  describe(`@context nesting, limited to ${MAX_CONTEXT_DEPTH} levels`, () => {
    /** A model whose contexts nest `depth` deep through scoped term definitions, each term used once. */
    const nested = (depth: number) => {
      let context: Record<string, unknown> = { ex: ONTOLOGY };
      for (let level = depth - 1; level >= 1; level--) {
        context = { ex: ONTOLOGY, [`t${level}`]: { '@id': `ex:t${level}`, '@context': context } };
      }
      let node: Record<string, unknown> = { '@id': `ex:n${depth}`, 'ex:label': 'leaf' };
      for (let level = depth - 1; level >= 1; level--) node = { '@id': `ex:n${level}`, [`t${level}`]: node };
      return { '@context': context, ...node };
    };

    it(`accepts ${MAX_CONTEXT_DEPTH} levels`, async () => {
      const semantics = await layer.analyze(testDescriptor('deep', { semanticModel: nested(MAX_CONTEXT_DEPTH) }), new Set());
      expect(semantics.modelHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it(`refuses ${MAX_CONTEXT_DEPTH + 1} levels before jsonld runs, pointing at the deepest context`, async () => {
      const error = await failure(layer.analyze(testDescriptor('deeper', { semanticModel: nested(MAX_CONTEXT_DEPTH + 1) }), new Set()));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toContain(`nested deeper than ${MAX_CONTEXT_DEPTH}`);
      expect(error.issues[0]?.pointer.match(/@context/g)).toHaveLength(MAX_CONTEXT_DEPTH + 1);
    });

    it('refuses a hostile 10 000-level nesting without exhausting the stack', () => {
      let context: unknown = {};
      for (let i = 0; i < 10_000; i++) context = { '@context': context };
      expect(() => assertSafeContexts(context, { pinned: new Map(), pointer: '/semanticModel' })).toThrow(ValidationError);
    });
  });
});
