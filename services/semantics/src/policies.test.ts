import { describe, expect, it } from 'vitest';
import type { Descriptor } from '@quanta/model';
import { testDescriptor } from '@quanta/core/testing';
import { CONTEXT_IRI, loadContext, shapesTurtle } from '@quanta/ontologies';
import { FindingLocator, termsByPredicate } from './finding-pointer.js';
import { jsonLdToQuads } from './jsonld-io.js';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';
import { createPinnedLoader } from './pinned-loader.js';
import { PolicyChecker } from './policies.js';
import { projectProduct } from './projection.js';
import { parseTurtle } from './turtle.js';
import { iri } from './vocabulary.js';

const QSH = 'https://quanta.example/ns/shapes/';
const ONTOLOGY = 'https://test.example/ontology/';
const layer = JsonLdSemanticLayer.create();

const port = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'table' as const,
  fields: [{ name: 'id', type: 'string' }],
  slos: [{ metric: 'freshness', objective: '<= 1 h' }],
  ...extra,
});
const good = (name: string, overrides: Parameters<typeof testDescriptor>[1] = {}) =>
  testDescriptor(name, {
    description: 'A product that meets every global policy, described in more than fifty characters.',
    classification: { confidentiality: 'public' },
    outputPorts: [port('table')],
    ...overrides,
  });

/** The global shapes run on a descriptor's projection with some triples taken out, as `analyze` would map them. */
async function checkWithout(d: Descriptor, predicates: string[]) {
  const { document, pointers } = projectProduct(d);
  const quads = await jsonLdToQuads(document, { loader: createPinnedLoader(), base: null, site: { pointer: '', document, what: 'descriptor' } });
  const data = quads.filter((q) => !predicates.includes(q.predicate.value));
  const checker = new PolicyChecker(parseTurtle(shapesTurtle(), { baseIri: CONTEXT_IRI, pointer: '' }));
  const terms = termsByPredicate(loadContext()['@context']);
  const locator = new FindingLocator({ nodes: pointers, terms, data, paths: checker.shapeQuads, modelSubjects: new Set() });
  return checker.check(data, (focus, path) => locator.pointer(focus, path));
}

describe('global policies (ontologies/shapes.ttl) as findings located in the descriptor', () => {
  it('has no finding for a product that meets every policy', async () => {
    expect((await layer.analyze(good('clean'), new Set())).findings).toEqual([]);
  });

  it('reports the missing output port as a Violation at /outputPorts, with the shape and its message', async () => {
    const { findings } = await layer.analyze(good('portless', { outputPorts: [] }), new Set());
    expect(findings).toEqual([
      {
        severity: 'Violation',
        path: '/outputPorts',
        message: 'Declare at least one output port in outputPorts, so consumers know how to read the product.',
        shape: `${QSH}OutputPort`,
      },
    ]);
  });

  it('reports a missing owner team and domain as Violations at /owner/team and /domain', async () => {
    const findings = await checkWithout(good('ownerless'), [iri('quanta', 'team'), iri('dprod', 'domain')]);
    expect(findings.map((f) => [f.severity, f.path, f.shape])).toEqual([
      ['Violation', '/domain', `${QSH}Domain`],
      ['Violation', '/owner/team', `${QSH}OwnerTeam`],
    ]);
  });

  it('warns at /description for a description that is missing or under 50 characters', async () => {
    for (const description of [undefined, 'Too short.']) {
      const { findings } = await layer.analyze(good('terse', { description }), new Set());
      expect(findings.map((f) => [f.severity, f.path, f.shape])).toEqual([['Warning', '/description', `${QSH}Description`]]);
    }
  });

  it('warns at /outputPorts/<i>/slos for each port without SLOs', async () => {
    const d = good('slo-less', { outputPorts: [port('stream'), port('table', { slos: undefined }), port('file', { slos: [] })] });
    const { findings } = await layer.analyze(d, new Set());
    expect(findings.map((f) => f.path)).toEqual(['/outputPorts/1/slos', '/outputPorts/2/slos']);
    expect(findings.every((f) => f.severity === 'Warning' && f.shape === `${QSH}ServiceLevelObjectives`)).toBe(true);
  });

  it('warns at /classification/confidentiality without a classification', async () => {
    const { findings } = await layer.analyze(good('unclassified', { classification: undefined }), new Set());
    expect(findings).toEqual([expect.objectContaining({ severity: 'Warning', path: '/classification/confidentiality', shape: `${QSH}Confidentiality` })]);
  });

  describe('a field that claims a concept', () => {
    const claims = (model?: Pick<Descriptor, 'semanticModel' | 'semanticModelFormat'>) =>
      good('claims', {
        outputPorts: [
          port('stream'),
          port('table', {
            fields: [
              { name: 'id', type: 'string' },
              { name: 'played_at', type: 'timestamp', concept: `${ONTOLOGY}PlayedAt` },
              { name: 'listener_id', type: 'string', concept: `${ONTOLOGY}Listener` },
            ],
          }),
        ],
        ...model,
      });

    it('is warned at /outputPorts/<i>/fields/<j>/concept while the concept is unknown', async () => {
      const { findings } = await layer.analyze(claims(), new Set());
      expect(findings.map((f) => `${f.severity} ${f.path}`)).toEqual([
        'Warning /outputPorts/1/fields/1/concept',
        'Warning /outputPorts/1/fields/2/concept',
      ]);
    });

    it('is not warned once the mesh knows the concept', async () => {
      const { findings } = await layer.analyze(claims(), new Set([`${ONTOLOGY}Listener`, `${ONTOLOGY}PlayedAt`]));
      expect(findings).toEqual([]);
    });

    it("is not warned when the product's own semantic model defines the concept", async () => {
      const model = `@prefix owl: <http://www.w3.org/2002/07/owl#> .
        <${ONTOLOGY}Listener> a owl:Class .
        <${ONTOLOGY}PlayedAt> a owl:DatatypeProperty .`;
      const { findings } = await layer.analyze(claims({ semanticModel: model, semanticModelFormat: 'text/turtle' }), new Set());
      expect(findings).toEqual([]);
    });

    it('is still warned when the model only mentions the concept without defining it', async () => {
      const model = { '@context': { skos: 'http://www.w3.org/2004/02/skos/core#' }, '@id': `${ONTOLOGY}Listener`, 'skos:prefLabel': 'Listener' };
      const { findings } = await layer.analyze(claims({ semanticModel: model }), new Set([`${ONTOLOGY}PlayedAt`]));
      expect(findings.map((f) => f.path)).toEqual(['/outputPorts/1/fields/2/concept']);
    });
  });

  it('orders Violations, then Warnings, then Infos, and writes a sentence for a shape without a message', async () => {
    const shapes = `@prefix sh: <http://www.w3.org/ns/shacl#> .
      @prefix dprod: <https://ekgf.github.io/dprod/> .
      @prefix dcterms: <http://purl.org/dc/terms/> .
      <https://governance.test/Title> a sh:NodeShape ; sh:targetClass dprod:DataProduct ;
        sh:property [ sh:path dcterms:title ; sh:minLength 1000 ; sh:severity sh:Info ] ;
        sh:property [ sh:path dprod:outputPort ; sh:minCount 1 ; sh:message "Needs a port."@en , "Braucht einen Port."@de ] ;
        sh:property [ sh:path dcterms:description ; sh:minLength 1000 ; sh:severity sh:Warning ; sh:message "Longer."@en ] .`;
    const custom = JsonLdSemanticLayer.create({ shapes });
    const { findings } = await custom.analyze(good('ordered', { outputPorts: [] }), new Set());
    expect(findings).toEqual([
      { severity: 'Violation', path: '/outputPorts', message: 'Needs a port.' },
      { severity: 'Warning', path: '/description', message: 'Longer.' },
      { severity: 'Info', path: '/title', message: expect.stringMatching(/^The value at \/title breaks the MinLength rule/) },
    ]);
  });
});

describe('termsByPredicate', () => {
  it('maps each predicate of the Quanta context back to its descriptor key, skipping prefixes and keywords', () => {
    const terms = termsByPredicate(loadContext()['@context']);
    expect(terms.get(iri('dcterms', 'description'))).toBe('description');
    expect(terms.get(iri('dprod', 'outputPort'))).toBe('outputPorts');
    expect(terms.get(iri('quanta', 'serviceLevelObjective'))).toBe('slos');
    expect(terms.get(iri('quanta', 'fieldType'))).toBe('type');
    expect(terms.get(iri('quanta', 'team'))).toBe('team');
    expect(terms.has('@id')).toBe(false);
    expect([...terms.values()]).not.toContain('dprod');
  });
});
