import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { QUANTA_NS } from './index.js';
import { NS, contextTerms, declaredAnywhere, ontology, term } from './testing/rdf.js';

const node = DataFactory.namedNode;
const OWL = (local: string) => `${NS.owl}${local}`;

describe('the Quanta core ontology (quanta.ttl)', () => {
  const graph = ontology();

  it('has an ontology header with title, description, version, licence and a pointer to the design', () => {
    const header = node(QUANTA_NS);
    expect(graph.types(header)).toContain(OWL('Ontology'));
    for (const [prefix, local] of [['dcterms', 'title'], ['dcterms', 'description'], ['owl', 'versionInfo'], ['rdfs', 'seeAlso']] as const) {
      expect(graph.objects(header, term(prefix, local)), local).not.toHaveLength(0);
    }
    expect(graph.objects(header, term('dcterms', 'license')).map((t) => t.value)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
  });

  const quantaTerms = [...contextTerms()].filter(([, { iri }]) => iri.startsWith(QUANTA_NS));

  it.each(quantaTerms.map(([key, { iri }]) => [key, iri]))('declares the IRI of the term %s (%s) with a label and a comment', (_key, iri) => {
    const subject = node(iri);
    expect(graph.types(subject).some((t) => [OWL('Class'), OWL('ObjectProperty'), OWL('DatatypeProperty')].includes(t))).toBe(true);
    expect(graph.objects(subject, term('rdfs', 'label'))).not.toHaveLength(0);
    expect(graph.objects(subject, term('rdfs', 'comment'))).not.toHaveLength(0);
  });

  it('declares a property as an object property exactly when the context gives it nodes', () => {
    for (const [key, { iri, definition }] of quantaTerms) {
      const types = graph.types(node(iri));
      if (types.includes(OWL('Class'))) continue;
      const coercion = typeof definition === 'object' ? (definition as { '@type'?: string })['@type'] : undefined;
      // A term without a coercion holds nodes when the descriptor gives it an object (owner, fields, ...).
      const literal = coercion !== undefined ? coercion !== '@id' : LITERAL_KEYS.has(key);
      expect(types, key).toContain(OWL(literal ? 'DatatypeProperty' : 'ObjectProperty'));
    }
  });

  it('refers, in every alignment, domain and range, only to terms declared here, in a pinned vocabulary, or in xsd, rdf and dcterms', () => {
    const known = declaredAnywhere();
    const external = [`${NS.rdf}`, 'http://www.w3.org/2001/XMLSchema#', NS.dcterms];
    for (const predicate of ['subClassOf', 'subPropertyOf', 'domain', 'range'].map((p) => term('rdfs', p))) {
      for (const quad of graph.store.getQuads(null, predicate, null, null)) {
        if (quad.object.termType !== 'NamedNode') continue; // unions are checked through their members below
        const iri = quad.object.value;
        expect(known.has(iri) || external.some((ns) => iri.startsWith(ns)), `${quad.subject.value} ${predicate.value} ${iri}`).toBe(true);
      }
    }
    for (const head of graph.store.getObjects(null, node(OWL('unionOf')), null)) {
      for (const member of graph.list(head)) expect(known.has(member.value), member.value).toBe(true);
    }
  });

  it('aligns the classes as ADR 0006 states', () => {
    const superOf = (local: string) => graph.objects(term('quanta', local), term('rdfs', 'subClassOf')).map((t) => t.value);
    expect(superOf('OutputPort')).toContain('http://www.w3.org/ns/dcat#DataService');
    expect(superOf('ServiceLevelObjective')).toContain('http://www.w3.org/ns/dqv#QualityPolicy');
    expect(superOf('Domain')).toContain('http://www.w3.org/2004/02/skos/core#Concept');
    expect(superOf('Concept')).toContain('http://www.w3.org/2004/02/skos/core#Concept');
    expect(superOf('Team')).toContain('http://www.w3.org/ns/org#OrganizationalUnit');
    expect(graph.objects(term('quanta', 'DataProduct'), node(OWL('equivalentClass'))).map((t) => t.value)).toEqual([`${NS.dprod}DataProduct`]);
  });

  it('says nothing about dprod:DataProduct itself: products are typed with it directly', () => {
    expect(graph.store.getQuads(term('dprod', 'DataProduct'), null, null, null)).toHaveLength(0);
  });

  it('aligns lineage and concept links to PROV and Dublin Core', () => {
    const superOf = (local: string) => graph.objects(term('quanta', local), term('rdfs', 'subPropertyOf')).map((t) => t.value);
    expect(superOf('upstreamProduct')).toEqual(['http://www.w3.org/ns/prov#wasDerivedFrom']);
    expect(superOf('concept')).toEqual([`${NS.dcterms}subject`]);
  });
});

/** Context terms without a coercion whose descriptor values are strings, not objects. */
const LITERAL_KEYS = new Set(['team', 'kind', 'namespace', 'type', 'objective', 'window', 'semanticModelFormat', 'confidentiality']);
