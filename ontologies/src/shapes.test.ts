import { DataFactory, type Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { QUANTA_NS, shapesTurtle } from './index.js';
import { Graph, NS, declaredAnywhere, parse, term } from './testing/rdf.js';

const SHAPES_NS = `${QUANTA_NS}shapes/`;
const sh = (local: string) => term('sh', local);
const iri = (t: Term) => t.value;

/** ADR 0006's policy table: shape, focus class, path, severity. */
const POLICIES = [
  { shape: 'OwnerTeam', target: `${NS.dprod}DataProduct`, path: [`${QUANTA_NS}owner`, `${QUANTA_NS}team`], severity: 'Violation' },
  { shape: 'Domain', target: `${NS.dprod}DataProduct`, path: [`${NS.dprod}domain`], severity: 'Violation' },
  { shape: 'OutputPort', target: `${NS.dprod}DataProduct`, path: [`${NS.dprod}outputPort`], severity: 'Violation' },
  { shape: 'Description', target: `${NS.dprod}DataProduct`, path: [`${NS.dcterms}description`], severity: 'Warning' },
  { shape: 'Confidentiality', target: `${NS.dprod}DataProduct`, path: [`${QUANTA_NS}classification`, `${QUANTA_NS}confidentiality`], severity: 'Warning' },
  { shape: 'ServiceLevelObjectives', target: `${QUANTA_NS}OutputPort`, path: [`${QUANTA_NS}serviceLevelObjective`], severity: 'Warning' },
  { shape: 'FieldConcept', target: `${QUANTA_NS}Field`, path: [`${QUANTA_NS}concept`], severity: 'Warning' },
] as const;

describe('the global policies (shapes.ttl)', () => {
  const graph = new Graph(parse(shapesTurtle()));
  const one = (subject: Term, local: string) => {
    const values = graph.objects(subject, sh(local));
    expect(values, `${subject.value} sh:${local}`).toHaveLength(1);
    return values[0]!;
  };
  const pathOf = (shape: Term) => {
    const path = one(shape, 'path');
    return path.termType === 'NamedNode' ? [path] : graph.list(path);
  };
  const nodeShapes = graph.subjects(term('rdf', 'type'), sh('NodeShape'));
  const propertyShapes = graph.subjects(term('rdf', 'type'), sh('PropertyShape'));

  it('names every shape under the shapes namespace, so findings can cite it', () => {
    expect(nodeShapes).toHaveLength(3);
    for (const shape of [...nodeShapes, ...propertyShapes]) {
      expect(shape.termType, shape.value).toBe('NamedNode');
      expect(shape.value.startsWith(SHAPES_NS), shape.value).toBe(true);
    }
  });

  it('has exactly the policies of ADR 0006, each on its focus class and path, with its severity', () => {
    expect(propertyShapes.map(iri).sort()).toEqual(POLICIES.map((p) => `${SHAPES_NS}${p.shape}`).sort());
    for (const policy of POLICIES) {
      const shape = DataFactory.namedNode(`${SHAPES_NS}${policy.shape}`);
      const owners = graph.subjects(sh('property'), shape);
      expect(owners.flatMap((n) => graph.objects(n, sh('targetClass'))).map(iri), policy.shape).toEqual([policy.target]);
      expect(pathOf(shape).map(iri), policy.shape).toEqual(policy.path);
      expect(one(shape, 'severity').value, policy.shape).toBe(`${NS.sh}${policy.severity}`);
    }
  });

  it('gives every property shape a name and a one-sentence message for the product owner', () => {
    for (const shape of propertyShapes) {
      expect(one(shape, 'name').value).not.toBe('');
      const message = one(shape, 'message').value;
      expect(message, shape.value).toMatch(/^[A-Z].{20,}\.$/);
      expect(message, shape.value).not.toMatch(/\.\s/); // one sentence: no full stop before the end
    }
  });

  it('puts every constraint in a property shape, so each finding has a severity and a message', () => {
    const allowed = new Set([`${NS.rdf}type`, `${NS.rdfs}label`, `${NS.rdfs}comment`, `${NS.sh}targetClass`, `${NS.sh}property`]);
    for (const shape of nodeShapes) {
      const predicates = graph.store.getQuads(shape, null, null, null).map((q) => q.predicate.value);
      expect(predicates.filter((p) => !allowed.has(p)), shape.value).toEqual([]);
    }
  });

  it('states the thresholds the ADR names', () => {
    const shape = (local: string) => DataFactory.namedNode(`${SHAPES_NS}${local}`);
    expect(one(shape('Description'), 'minLength').value).toBe('50');
    for (const local of ['OwnerTeam', 'Domain', 'OutputPort', 'Description', 'Confidentiality', 'ServiceLevelObjectives']) {
      expect(one(shape(local), 'minCount').value, local).toBe('1');
    }
    expect(graph.list(one(shape('Confidentiality'), 'in')).map(iri)).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(one(shape('FieldConcept'), 'class').value).toBe(`${QUANTA_NS}Concept`);
  });

  it('targets and walks only classes and properties the ontology or a pinned vocabulary declares', () => {
    const known = declaredAnywhere();
    const used = [
      ...graph.store.getObjects(null, sh('targetClass'), null),
      ...graph.store.getObjects(null, sh('class'), null),
      ...propertyShapes.flatMap(pathOf),
    ];
    expect(used.length).toBeGreaterThan(10);
    for (const t of used) expect(known.has(t.value), t.value).toBe(true);
  });
});
