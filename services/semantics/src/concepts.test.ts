import { describe, expect, it } from 'vitest';
import { testDescriptor } from '@quanta/core/testing';
import { extractConcepts } from './concepts.js';
import { parseTurtle } from './turtle.js';

const EX = 'https://test.example/ontology/';
const model = (turtle: string) =>
  parseTurtle(
    `@prefix ex: <${EX}> . @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
     ${turtle}`,
    { baseIri: 'https://test.example/products/p', pointer: '/semanticModel' },
  );

describe('extractConcepts', () => {
  it('takes concepts, field concepts and what the model defines, each once, in that order', () => {
    const d = testDescriptor('p', {
      concepts: [`${EX}Mood`, `${EX}Listener`],
      outputPorts: [{ name: 't', kind: 'table', fields: [{ name: 'l', type: 'string', concept: `${EX}Listener` }, { name: 'g', type: 'string', concept: `${EX}Genre` }] }],
    });
    const { concepts, defined } = extractConcepts(d, model('ex:Listener a owl:Class . ex:Artist a skos:Concept .'));
    expect(concepts.map((c) => [c.iri.slice(EX.length), c.defined])).toEqual([
      ['Mood', false],
      ['Listener', true],
      ['Genre', false],
      ['Artist', true],
    ]);
    expect([...defined].sort()).toEqual([`${EX}Artist`, `${EX}Listener`]);
  });

  it('counts each of the six defining types, and nothing else, as a definition', () => {
    const { concepts } = extractConcepts(
      testDescriptor('p'),
      model(`ex:a a rdfs:Class . ex:b a owl:Class . ex:c a skos:Concept . ex:d a rdf:Property .
             ex:e a owl:ObjectProperty . ex:f a owl:DatatypeProperty . ex:g a owl:NamedIndividual . _:x a owl:Class .`),
    );
    expect(concepts.map((c) => c.iri.slice(EX.length))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('labels by skos:prefLabel, then rdfs:label, preferring English, else by the last IRI segment', () => {
    const { concepts } = extractConcepts(
      testDescriptor('p', { concepts: [`${EX}a`, `${EX}b`, `${EX}c`, `${EX}Some%20Thing`, `${EX}e`] }),
      model(`ex:a rdfs:label "label" ; skos:prefLabel "Le préféré"@fr , "preferred"@en .
             ex:b rdfs:label "Étiquette"@fr , "  spaced\\n  label  " .
             ex:c rdfs:label "" .
             ex:e skos:prefLabel "${'x'.repeat(300)}" .`),
    );
    expect(concepts.map((c) => c.label)).toEqual(['preferred', 'spaced label', 'c', 'Some Thing', `${'x'.repeat(199)}…`]);
  });

  it('keeps the skos:altLabels of defined concepts only, English or untagged, each once, sorted', () => {
    const { concepts } = extractConcepts(
      testDescriptor('p', { concepts: [`${EX}Customer`, `${EX}Order`] }),
      model(`ex:Customer a skos:Concept ; skos:prefLabel "customer" ; skos:altLabel "client" , "buyer"@en , "Kunde"@de , "client" , "  " .
             ex:Order skos:altLabel "purchase" .`),
    );
    expect(concepts.map((c) => [c.iri.slice(EX.length), c.altLabels])).toEqual([
      ['Customer', ['buyer', 'client']],
      ['Order', undefined],
    ]);
  });

  it('takes the four equivalence predicates between two IRIs only, each once, sorted', () => {
    const { equivalences } = extractConcepts(
      testDescriptor('p'),
      model(`ex:b owl:sameAs ex:a . ex:a skos:exactMatch ex:b , ex:b . ex:c owl:equivalentClass ex:d .
             ex:e owl:equivalentProperty ex:f . ex:g owl:sameAs "not an IRI" . ex:h owl:sameAs [] . ex:i owl:sameAs ex:i .
             ex:j skos:closeMatch ex:k .`),
    );
    expect(equivalences.map((e) => `${e.from.slice(EX.length)} ${e.relation} ${e.to.slice(EX.length)}`)).toEqual([
      'a skos:exactMatch b',
      'b owl:sameAs a',
      'c owl:equivalentClass d',
      'e owl:equivalentProperty f',
    ]);
  });

  it('finds only the descriptor concepts without a model', () => {
    const { concepts, equivalences, defined } = extractConcepts(testDescriptor('p', { concepts: [`${EX}Mood`] }));
    expect(concepts).toEqual([{ iri: `${EX}Mood`, label: 'Mood', defined: false }]);
    expect(equivalences).toEqual([]);
    expect(defined.size).toBe(0);
  });
});
