import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { ValidationError } from '@quanta/model';
import { canonicalNQuads, graphHash, isIsomorphic } from './canonical.js';
import { parseTurtle, writeTurtle } from './turtle.js';

const source = { baseIri: 'https://test.example/products/p', pointer: '/semanticModel' };
const TURTLE = `@prefix ex: <https://test.example/ontology/> .
ex:a ex:knows [ ex:name "b" ; ex:knows [ ex:name "c" ] ] ; ex:size 3 ; ex:label "a"@en .
<#local> ex:p <other> .
`;

describe('Turtle (n3)', () => {
  it('reports a syntax error as a ValidationError with its line', () => {
    let error: unknown;
    try {
      parseTurtle('@prefix ex: <https://e.test/> .\nex:a ex:b ex:c .\nex:a ex:b ;; .\n', source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/line 3/);
    expect((error as ValidationError).issues[0]).toEqual({ pointer: '/semanticModel', message: expect.stringMatching(/^Turtle syntax error on line 3: /) });
  });

  it('resolves relative IRIs against the product IRI', () => {
    const quads = parseTurtle(TURTLE, source);
    expect(quads.map((q) => q.subject.value)).toContain('https://test.example/products/p#local');
    expect(quads.map((q) => q.object.value)).toContain('https://test.example/products/other');
  });

  it('refuses N3 beyond Turtle, such as formulas', () => {
    expect(() => parseTurtle('{ <a:b> <a:c> <a:d> } <a:e> <a:f> .', source)).toThrow(ValidationError);
  });

  it('writes the usual prefixes and reads back as the same graph, named graphs folded into the default one', async () => {
    const quads = parseTurtle(TURTLE, source);
    const named = DataFactory.quad(DataFactory.namedNode('https://e.test/s'), DataFactory.namedNode('http://purl.org/dc/terms/title'), DataFactory.literal('t'), DataFactory.namedNode('https://e.test/g'));
    const text = await writeTurtle([...quads, named]);
    for (const prefix of ['dprod', 'dcat', 'dcterms', 'dqv', 'prov', 'skos', 'quanta', 'owl', 'rdfs', 'xsd']) expect(text).toContain(`@prefix ${prefix}: `);
    expect(text).toContain('dcterms:title "t"');
    const back = parseTurtle(text, source);
    expect(await isIsomorphic(back, [...quads, DataFactory.quad(named.subject, named.predicate, named.object)])).toBe(true);
  });
});

describe('canonical N-Quads and graph isomorphism', () => {
  it('ignores blank node labels and statement order', async () => {
    const a = parseTurtle(TURTLE, source);
    const b = parseTurtle(`@prefix ex: <https://test.example/ontology/> .
      <#local> ex:p <other> .
      _:y ex:name "c" . _:x ex:knows _:y ; ex:name "b" .
      ex:a ex:label "a"@en ; ex:size 3 ; ex:knows _:x .`, source);
    expect(await isIsomorphic(a, b)).toBe(true);
    expect(await graphHash(a)).toBe(await graphHash(b));
    expect(await canonicalNQuads(a)).toContain('_:c14n0');
  });

  it('tells graphs apart that differ in one literal, one datatype or one blank node link', async () => {
    const a = parseTurtle(TURTLE, source);
    for (const changed of [TURTLE.replace('"c"', '"d"'), TURTLE.replace('ex:size 3', 'ex:size "3"'), TURTLE.replace('ex:knows [ ex:name "c" ]', 'ex:other [ ex:name "c" ]')]) {
      const b = parseTurtle(changed, source);
      expect(await isIsomorphic(a, b)).toBe(false);
      expect(await graphHash(b)).not.toBe(await graphHash(a));
    }
  });
});
