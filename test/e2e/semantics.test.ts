import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorization, call, compliantDescriptor, productPath, type QuantaProcess, ROOT, startQuanta } from '../src/index.js';
import { shaclConforms } from '../src/support/shacl.js';

const BASE = 'https://semantics.e2e.example/products';
const SHARED_LISTENER = 'https://semantics.e2e.example/ontology/Listener';

const descriptor = (name: string, extra: Record<string, unknown> = {}) => compliantDescriptor(BASE, name, extra);

/** A JSON-LD semantic model that defines `iri` as a concept and links it to `sameAs`. */
const model = (iri: string, label: string, link?: { predicate: string; target: string }) => ({
  '@context': { skos: 'http://www.w3.org/2004/02/skos/core#', owl: 'http://www.w3.org/2002/07/owl#' },
  '@graph': [
    { '@id': iri, '@type': 'skos:Concept', 'skos:prefLabel': label, ...(link ? { [link.predicate]: { '@id': link.target } } : {}) },
  ],
});

describe('semantic layer, end to end against the running server', () => {
  let q: QuantaProcess;
  let trap: Server;
  let trapped = 0;
  let trapUrl = '';
  beforeAll(async () => {
    q = await startQuanta();
    trap = createServer((_req, res) => {
      trapped++;
      res.end('{"@context": {}}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/context.jsonld`;
  });
  afterAll(async () => {
    await q.stop();
    q.cleanup();
    await new Promise((resolve) => trap.close(resolve));
  });

  it('blocks a registration that breaks a policy of severity Violation, storing nothing', async () => {
    const res = await call(q.url, 'PUT', '/api/v1/products', descriptor('portless', { outputPorts: [] }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/api/v1/problems/policy-violation', status: 422 });
    expect(res.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'Violation', path: '/outputPorts' })]));
    expect((await call(q.url, 'GET', productPath(`${BASE}/portless`))).status).toBe(404);
  });

  it('stores a registration with Warnings and shows them with the product', async () => {
    const res = await call(q.url, 'PUT', '/api/v1/products', descriptor('terse', { description: 'Too short.', classification: undefined }));
    expect(res.status).toBe(201);
    const paths = res.body.findings.map((f: { severity: string; path: string }) => `${f.severity} ${f.path}`);
    expect(paths).toEqual(expect.arrayContaining(['Warning /description', 'Warning /classification/confidentiality']));
    expect(res.body.findings.every((f: { severity: string }) => f.severity !== 'Violation')).toBe(true);
    const read = await call(q.url, 'GET', productPath(`${BASE}/terse`));
    expect(read.body.findings).toEqual(res.body.findings);
  });

  it("links two products' concepts through sameAs and exactMatch, so one question finds both", async () => {
    const home = descriptor('listener-home', { semanticModel: model(SHARED_LISTENER, 'Listener') });
    const player = descriptor('player-view', {
      semanticModel: model('https://semantics.e2e.example/player#Listener', 'Listener (player)', { predicate: 'owl:sameAs', target: SHARED_LISTENER }),
    });
    const podcast = descriptor('podcast-view', {
      semanticModelFormat: 'text/turtle',
      semanticModel: `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://semantics.e2e.example/podcast#Hoerer> a skos:Concept ; skos:prefLabel "Hörerschaft" ;
  skos:exactMatch <${SHARED_LISTENER}> .`,
    });
    for (const d of [home, player, podcast]) expect((await call(q.url, 'PUT', '/api/v1/products', d)).status).toBe(201);

    const fromShared = await call(q.url, 'GET', `/api/v1/concepts/${encodeURIComponent(SHARED_LISTENER)}/products`);
    expect(fromShared.status).toBe(200);
    expect(fromShared.body.items.map((p: { iri: string }) => p.iri).sort()).toEqual([home.id, player.id, podcast.id].sort());
    const fromPlayer = await call(q.url, 'GET', `/api/v1/concepts/${encodeURIComponent('https://semantics.e2e.example/player#Listener')}/products`);
    expect(fromPlayer.body.items).toHaveLength(3);
    expect(fromPlayer.body.equivalents.map((c: { iri: string }) => c.iri)).toEqual(expect.arrayContaining([SHARED_LISTENER]));
    const unknown = await call(q.url, 'GET', `/api/v1/concepts/${encodeURIComponent('https://nowhere.example/Nothing')}/products`);
    expect(unknown.status).toBe(404);

    // Search matches the labels the models give their concepts.
    const search = await call(q.url, 'GET', `/api/v1/search?q=${encodeURIComponent('Hörerschaft')}`);
    expect(search.body.hits.map((h: { product: { iri: string } }) => h.product.iri)).toContain(podcast.id);
  });

  it('sees the same semantic model in Turtle as no change, and a changed model as a new revision', async () => {
    const concept = 'https://semantics.e2e.example/charts#Chart';
    const asJsonLd = descriptor('charts', { semanticModel: model(concept, 'Chart') });
    expect((await call(q.url, 'PUT', '/api/v1/products', asJsonLd)).status).toBe(201);
    const asTurtle = descriptor('charts', {
      semanticModelFormat: 'text/turtle',
      semanticModel: `<${concept}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Chart" ;
  a <http://www.w3.org/2004/02/skos/core#Concept> .`,
    });
    const same = await call(q.url, 'PUT', '/api/v1/products', asTurtle);
    expect(same.body).toMatchObject({ outcome: 'unchanged', revision: 1 });
    const changed = await call(q.url, 'PUT', '/api/v1/products', descriptor('charts', { semanticModel: model(concept, 'Weekly chart') }));
    expect(changed.body).toMatchObject({ outcome: 'updated', revision: 2 });
  });

  it('refuses remote @context URLs with a clear error and never fetches them (J1)', async () => {
    for (const url of ['http://169.254.169.254/', 'http://localhost:7700', 'file:///etc/passwd', 'http://example.org/context.jsonld', trapUrl]) {
      const res = await call(q.url, 'PUT', '/api/v1/products', descriptor('remote', { semanticModel: { '@context': url, '@id': `${BASE}/remote#x` } }));
      expect(res.status, url).toBe(422);
      expect(res.body.detail, url).toContain(url);
    }
    expect(trapped).toBe(0);
    expect((await call(q.url, 'GET', productPath(`${BASE}/remote`))).status).toBe(404);
  });

  it('never fetches the URLs a registration carries: links, port locations, imports, input products (A6)', async () => {
    const trap = (path: string) => trapUrl.replace('/context.jsonld', path);
    const carried = descriptor('carries-urls', {
      links: { docs: trap('/docs'), schema: trap('/schema.json'), contract: trap('/contract.yaml') },
      outputPorts: [{ name: 'table', kind: 'table', location: trap('/table'), fields: [{ name: 'listener_id', type: 'string' }], slos: [{ metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' }] }],
      inputPorts: [{ product: trap('/products/upstream') }],
      semanticModel: {
        '@context': { owl: 'http://www.w3.org/2002/07/owl#', rdfs: 'http://www.w3.org/2000/01/rdf-schema#', skos: 'http://www.w3.org/2004/02/skos/core#' },
        '@graph': [
          { '@id': `${BASE}/carries-urls#model`, '@type': 'owl:Ontology', 'owl:imports': { '@id': trap('/ontology.ttl') } },
          { '@id': `${BASE}/carries-urls#Play`, '@type': 'skos:Concept', 'skos:prefLabel': 'Play', 'rdfs:seeAlso': { '@id': trap('/see-also') }, 'rdfs:isDefinedBy': { '@id': trap('/defined') } },
        ],
      },
    });
    const registered = await call(q.url, 'PUT', '/api/v1/products', carried);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    // Everything that reads or derives from the product, then time for anything asynchronous.
    for (const accept of ['application/json', 'application/ld+json', 'text/turtle']) {
      expect((await fetch(new URL(productPath(`${BASE}/carries-urls`), q.url), { headers: { ...authorization(q.url), Accept: accept } })).status).toBe(200);
    }
    expect((await call(q.url, 'POST', '/api/v1/products/validate', carried)).status).toBe(200);
    expect((await call(q.url, 'GET', '/api/v1/search?q=carries')).body.total).toBeGreaterThan(0);
    expect((await call(q.url, 'POST', '/api/v1/admin/insights')).status).toBe(200);
    expect((await call(q.url, 'POST', '/api/v1/admin/reindex')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(trapped).toBe(0);
  });

  it('refuses a chain of 100 nested contexts and a self-referencing one quickly, storing nothing (J2)', async () => {
    let context: Record<string, unknown> = { ex: 'https://e2e.example/ontology#' };
    let node: Record<string, unknown> = { '@id': `${BASE}/chain#leaf`, 'ex:label': 'leaf' };
    for (let level = 99; level >= 1; level--) {
      context = { ex: 'https://e2e.example/ontology#', [`t${level}`]: { '@id': `ex:t${level}`, '@context': context } };
      node = { '@id': `${BASE}/chain#n${level}`, [`t${level}`]: node };
    }
    for (const [name, model] of [
      ['chain', { '@context': context, ...node }],
      ['cycle', { '@context': [{ '@import': `${BASE}/cycle/ctx.jsonld` }], '@id': `${BASE}/cycle#x` }],
    ] as const) {
      const started = Date.now();
      const res = await call(q.url, 'PUT', '/api/v1/products', descriptor(name, { semanticModel: model }));
      expect(Date.now() - started, name).toBeLessThan(1000);
      expect(res.status, name).toBe(422);
      // The chain is refused for its nesting (before jsonld runs), the import for naming a context
      // that is not pinned: either way at a place inside the model, and nothing fetched.
      expect(res.body.errors?.[0]?.pointer, name).toMatch(/^\/semanticModel\//);
      expect((await call(q.url, 'GET', productPath(`${BASE}/${name}`))).status).toBe(404);
    }
    expect(trapped).toBe(0);
  });

  it('refuses a model whose terms expansion would drop silently, naming them (J3)', async () => {
    const model = { '@context': { ex: 'https://e2e.example/ontology#' }, '@id': `${BASE}/dropped#x`, 'ex:label': 'kept', labell: 'dropped: no mapping' };
    const res = await call(q.url, 'PUT', '/api/v1/products', descriptor('dropped', { semanticModel: model }));
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('labell');
    expect((await call(q.url, 'GET', productPath(`${BASE}/dropped`))).status).toBe(404);
  });

  it('serves a demo product as DCAT/DPROD RDF that conforms to the global shapes', async () => {
    // The homes of the concepts play-events' fields claim come first, so every concept is known.
    for (const home of ['listener/listener-profiles', 'artist/track-catalog', 'playlist/playlists', 'player/device-catalog']) {
      await registerDemoProduct(q, `${home}.yaml`);
    }
    await registerDemoProduct(q, 'player/play-events.yaml');
    const iri = 'https://daff.example/products/player/play-events';
    const turtle = await fetch(new URL(productPath(iri), q.url), { headers: { ...authorization(q.url), Accept: 'text/turtle' } });
    expect(turtle.status).toBe(200);
    expect(turtle.headers.get('content-type')).toContain('text/turtle');
    const quads = new Parser().parse(await turtle.text());
    expect(quads.some((t) => t.subject.value === iri && t.object.value === 'https://ekgf.github.io/dprod/DataProduct')).toBe(true);
    expect(await shaclConforms(quads)).toEqual({ conforms: true, results: [] });

    const jsonld = await fetch(new URL(productPath(iri), q.url), { headers: { ...authorization(q.url), Accept: 'application/ld+json' } });
    expect(jsonld.headers.get('content-type')).toContain('application/ld+json');
    expect(JSON.parse(await jsonld.text())).toHaveProperty('@context');
    const refused = await fetch(new URL(productPath(iri), q.url), { headers: { ...authorization(q.url), Accept: 'image/png' } });
    expect(refused.status).toBe(406);
  });
});

async function registerDemoProduct(q: QuantaProcess, file: string): Promise<void> {
  const yaml = readFileSync(join(ROOT, 'ingest/demo/products', file), 'utf8');
  const res = await call(q.url, 'PUT', '/api/v1/products', yaml, 'application/yaml');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
