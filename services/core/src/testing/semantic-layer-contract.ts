import { describe, expect, it } from 'vitest';
import { type Descriptor, type DescriptorInput, type Product, QUANTA_CONTEXT_IRI, ValidationError } from '@quanta/model';
import type { SemanticLayer } from '../ports/semantic-layer.js';
import { TEST_BASE, testDescriptor } from './fixtures.js';

/** How the contract suite gets a semantic layer to test. */
export interface SemanticLayerTarget {
  /** A semantic layer reading the shipped ontologies: the Quanta context and the global shapes. */
  create(): SemanticLayer | Promise<SemanticLayer>;
}

const ONTOLOGY = 'https://test.example/ontology/';
const OTHER = 'https://other.example/ontology/';

/** One graph, as JSON-LD: two classes, a property and a SKOS concept, with one equivalence of each kind. */
const JSON_LD_MODEL = {
  '@context': {
    ex: ONTOLOGY,
    owl: 'http://www.w3.org/2002/07/owl#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    skos: 'http://www.w3.org/2004/02/skos/core#',
  },
  '@graph': [
    { '@id': 'ex:Listener', '@type': 'owl:Class', 'skos:prefLabel': 'Listener', 'owl:sameAs': { '@id': `${OTHER}Listener` } },
    { '@id': 'ex:Song', '@type': 'rdfs:Class', 'rdfs:label': 'Song', 'owl:equivalentClass': { '@id': 'ex:Track' } },
    { '@id': 'ex:Track', '@type': 'skos:Concept', 'skos:exactMatch': { '@id': `${OTHER}Track` } },
    { '@id': 'ex:listensTo', '@type': 'owl:ObjectProperty', 'rdfs:label': 'listens to', 'owl:equivalentProperty': { '@id': `${OTHER}hears` } },
    { '@id': 'ex:Listener', 'rdfs:comment': { '@id': '_:note' } },
    { '@id': '_:note', 'rdfs:label': 'a blank node, so the hash must not depend on its label' },
  ],
};

/** The same graph in Turtle, statements in another order and the blank node named differently. */
const TURTLE_MODEL = `@prefix ex: <${ONTOLOGY}> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:listensTo a owl:ObjectProperty ; rdfs:label "listens to" ; owl:equivalentProperty <${OTHER}hears> .
ex:Track a skos:Concept ; skos:exactMatch <${OTHER}Track> .
ex:Song a rdfs:Class ; rdfs:label "Song" ; owl:equivalentClass ex:Track .
ex:Listener a owl:Class ; skos:prefLabel "Listener" ; owl:sameAs <${OTHER}Listener> ; rdfs:comment [ rdfs:label "a blank node, so the hash must not depend on its label" ] .
`;

/** A descriptor that meets every global policy unless `overrides` breaks one. */
function compliant(name: string, overrides: Partial<DescriptorInput> = {}): Descriptor {
  return testDescriptor(name, {
    description: `The ${name} test product: one row per listener and day, refreshed every hour.`,
    classification: { confidentiality: 'internal' },
    outputPorts: [
      {
        name: 'table',
        kind: 'table',
        fields: [{ name: 'id', type: 'string' }],
        slos: [{ metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' }],
      },
    ],
    ...overrides,
  });
}

function asProduct(descriptor: Descriptor): Product {
  const at = '2026-01-01T00:00:00.000Z';
  return { iri: descriptor.id, revision: 1, descriptor, hash: 'test', recordedAt: at, recordedBy: 'tester', createdAt: at };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The SemanticLayer contract (ADR 0006): every adapter runs this suite (DESIGN.md §11).
 * @example runSemanticLayerContract('JsonLdSemanticLayer', { create: () => JsonLdSemanticLayer.create() });
 */
export function runSemanticLayerContract(name: string, target: SemanticLayerTarget): void {
  describe(`SemanticLayer contract: ${name}`, () => {
    const analyze = async (d: Descriptor, known: ReadonlySet<string> = NONE) => (await target.create()).analyze(d, known);
    const findingsOf = async (d: Descriptor, known?: ReadonlySet<string>) =>
      (await analyze(d, known)).findings.map((f) => `${f.severity} ${f.path}`);

    it('refuses a context it would have to fetch, naming the URL, without fetching it', async () => {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'https://example.org/context.jsonld']) {
        const d = testDescriptor('remote', { semanticModel: { '@context': url, '@id': `${ONTOLOGY}X`, name: 'x' } });
        const error = await analyze(d).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, url).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).message).toContain(url);
        expect((error as ValidationError).issues[0]?.pointer).toMatch(/^\/semanticModel/);
      }
    });

    it('finds nothing to report on a product that meets every policy', async () => {
      expect(await findingsOf(compliant('clean'))).toEqual([]);
    });

    it('reports a Violation at /outputPorts for a product without output ports, Violations first', async () => {
      const findings = (await analyze(testDescriptor('portless', { outputPorts: [] }))).findings;
      expect(findings[0]).toMatchObject({ severity: 'Violation', path: '/outputPorts' });
      expect(findings[0]?.message.length).toBeGreaterThan(10);
      const ranks = findings.map((f) => ['Violation', 'Warning', 'Info'].indexOf(f.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });

    it('warns about a short description, a port without SLOs and a missing confidentiality', async () => {
      const findings = await findingsOf(testDescriptor('terse'));
      expect(findings).toEqual(
        expect.arrayContaining(['Warning /description', 'Warning /outputPorts/0/slos', 'Warning /classification/confidentiality']),
      );
      expect(findings.filter((f) => f.startsWith('Violation'))).toEqual([]);
    });

    it('warns when a field claims an unknown concept, and not once the concept is known or defined', async () => {
      const claim = (model?: Record<string, unknown>) =>
        compliant('claims', {
          outputPorts: [
            {
              name: 'table',
              kind: 'table',
              fields: [{ name: 'listener_id', type: 'string', concept: `${ONTOLOGY}Listener` }],
              slos: [{ metric: 'freshness', objective: '<= 1 h' }],
            },
          ],
          ...(model && { semanticModel: model }),
        });
      expect(await findingsOf(claim())).toEqual(['Warning /outputPorts/0/fields/0/concept']);
      expect(await findingsOf(claim(), new Set([`${ONTOLOGY}Listener`]))).toEqual([]);
      expect(await findingsOf(claim(JSON_LD_MODEL))).toEqual([]);
    });

    for (const [format, overrides] of [
      ['JSON-LD', { semanticModel: JSON_LD_MODEL }],
      ['Turtle', { semanticModel: TURTLE_MODEL, semanticModelFormat: 'text/turtle' }],
    ] as const) {
      it(`extracts concepts, labels and equivalences from a ${format} semantic model`, async () => {
        const d = testDescriptor('modelled', { concepts: [`${ONTOLOGY}Listener`, `${ONTOLOGY}Mood`], ...overrides });
        const semantics = await analyze(d);
        expect([...semantics.concepts].sort((a, b) => (a.iri < b.iri ? -1 : 1))).toEqual([
          { iri: `${ONTOLOGY}Listener`, label: 'Listener', defined: true },
          { iri: `${ONTOLOGY}Mood`, label: 'Mood', defined: false },
          { iri: `${ONTOLOGY}Song`, label: 'Song', defined: true },
          { iri: `${ONTOLOGY}Track`, label: 'Track', defined: true },
          { iri: `${ONTOLOGY}listensTo`, label: 'listens to', defined: true },
        ]);
        expect(semantics.equivalences).toEqual(
          expect.arrayContaining([
            { from: `${ONTOLOGY}Listener`, to: `${OTHER}Listener`, relation: 'owl:sameAs' },
            { from: `${ONTOLOGY}Song`, to: `${ONTOLOGY}Track`, relation: 'owl:equivalentClass' },
            { from: `${ONTOLOGY}Track`, to: `${OTHER}Track`, relation: 'skos:exactMatch' },
            { from: `${ONTOLOGY}listensTo`, to: `${OTHER}hears`, relation: 'owl:equivalentProperty' },
          ]),
        );
        expect(semantics.equivalences).toHaveLength(4);
        expect(semantics.modelHash).toMatch(/^[0-9a-f]{64}$/);
      });
    }

    it('hashes the model as a graph: equal for Turtle and JSON-LD of one graph, different after a real change', async () => {
      const hash = async (overrides: Partial<DescriptorInput>) => (await analyze(testDescriptor('hashed', overrides))).modelHash;
      const fromJsonLd = await hash({ semanticModel: JSON_LD_MODEL });
      expect(await hash({ semanticModel: TURTLE_MODEL, semanticModelFormat: 'text/turtle' })).toBe(fromJsonLd);
      const changed = TURTLE_MODEL.replace('"Song"', '"Tune"');
      expect(await hash({ semanticModel: changed, semanticModelFormat: 'text/turtle' })).not.toBe(fromJsonLd);
      expect(await hash({})).toBeUndefined();
    });

    it('reads a model as entities with attributes, relations between them and their matches', async () => {
      const layer = await target.create();
      const model = `@prefix ex: <${ONTOLOGY}> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Payment a owl:Class ; rdfs:label "Royalty payment"@en ; rdfs:comment "A settled disbursement to a rights holder." .
ex:Payee a owl:Class, skos:Concept ; skos:prefLabel "Payee" ; skos:closeMatch <${OTHER}Artist> .
ex:paidTo a owl:ObjectProperty ; rdfs:label "paid to" ; rdfs:domain ex:Payment ; rdfs:range ex:Payee .
ex:netAmount a owl:DatatypeProperty ; rdfs:label "net amount" ; rdfs:domain ex:Payment ; rdfs:range xsd:decimal .
ex:currency a rdf:Property ; rdfs:domain ex:Payment .
`;
      const entities = await layer.entityModel(testDescriptor('payments', { semanticModel: model, semanticModelFormat: 'text/turtle' }));
      expect(entities).toEqual({
        entities: [
          { iri: `${ONTOLOGY}Payee`, label: 'Payee', attributes: [], matches: [{ iri: `${OTHER}Artist`, relation: 'closeMatch' }] },
          {
            iri: `${ONTOLOGY}Payment`,
            label: 'Royalty payment',
            comment: 'A settled disbursement to a rights holder.',
            attributes: [
              { iri: `${ONTOLOGY}currency`, label: 'currency' },
              { iri: `${ONTOLOGY}netAmount`, label: 'net amount', range: 'http://www.w3.org/2001/XMLSchema#decimal' },
            ],
            matches: [],
          },
        ],
        relations: [{ iri: `${ONTOLOGY}paidTo`, label: 'paid to', from: `${ONTOLOGY}Payment`, to: `${ONTOLOGY}Payee` }],
      });
      // One graph in JSON-LD or Turtle is one entity model; no model, no entities.
      const fromJsonLd = await layer.entityModel(testDescriptor('modelled', { semanticModel: JSON_LD_MODEL }));
      expect(await layer.entityModel(testDescriptor('modelled', { semanticModel: TURTLE_MODEL, semanticModelFormat: 'text/turtle' }))).toEqual(fromJsonLd);
      expect(fromJsonLd.entities.map((e) => [e.label, e.matches.map((m) => m.relation)])).toEqual([
        ['Listener', ['sameAs']],
        ['Song', ['equivalentClass']],
        ['Track', ['exactMatch']],
      ]);
      expect(await layer.entityModel(testDescriptor('plain'))).toEqual({ entities: [], relations: [] });
    });

    it('exports a product as JSON-LD and as Turtle that are the same graph, with its model', async () => {
      const layer = await target.create();
      const product = asProduct(compliant('exported', { semanticModel: JSON_LD_MODEL, concepts: [`${ONTOLOGY}Listener`] }));
      const jsonLd = await layer.exportProduct(product, 'application/ld+json', NONE);
      const turtle = await layer.exportProduct(product, 'text/turtle', NONE);
      expect(JSON.parse(jsonLd)).toMatchObject({ '@context': QUANTA_CONTEXT_IRI });
      for (const text of [jsonLd, turtle]) {
        expect(text).toContain(`${TEST_BASE}/exported`);
        expect(text).toContain(`${OTHER}hears`);
      }
      // Isomorphism through the port itself: each export, read back as a semantic model, hashes alike.
      const reread = async (overrides: Partial<DescriptorInput>) => (await layer.analyze(testDescriptor('reread', overrides), NONE)).modelHash;
      const viaJsonLd = await reread({ semanticModel: JSON.parse(jsonLd) as Record<string, unknown> });
      expect(viaJsonLd).toMatch(/^[0-9a-f]{64}$/);
      expect(await reread({ semanticModel: turtle, semanticModelFormat: 'text/turtle' })).toBe(viaJsonLd);
    });
  });
}
