import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { canonicalNQuads } from './canonical.js';
import { jsonLdToQuads } from './jsonld-io.js';
import { createPinnedLoader } from './pinned-loader.js';
import { parseTurtle } from './turtle.js';

// The W3C DCAT 3 examples come as Turtle/JSON-LD pairs of one graph (research/standards.md §3.4).
// Located from this file, so the test runs wherever the repository is cloned with shared/ beside it.
const EXAMPLES = new URL('../../../../shared/fixtures/vocab/w3c-dxwg/dcat/examples/vocab-dcat-3/', import.meta.url);
const pairs = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.ttl') && existsSync(new URL(f.replace(/\.ttl$/, '.jsonld'), EXAMPLES)))
  .map((f) => f.replace(/\.ttl$/, ''))
  .sort();
// Relative IRIs must resolve alike in both readings; the examples use none, but a fixed base keeps it so.
const BASE = 'https://dcat.example.test/';
// Remote contexts are refused: a pair that needed one would fail here rather than reach the network.
const loader = createPinnedLoader({ pinned: new Map(), pointer: '/@context' });

const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

/**
 * Two W3C example pairs do not say the same thing in their two files (errata in the fixtures, not
 * in our readers). Each correction rewrites exactly the JSON-LD reading of the faulty statement
 * into what the Turtle says; anything else that differs still fails the test.
 */
const ERRATA: Record<string, { readonly why: string; readonly correct: (q: Quad) => Quad }> = {
  // The context maps "ex" to an IRI ending in neither "/" nor "#", which JSON-LD 1.1 does not use as
  // a prefix: "ex:globtherm" stays the IRI <ex:globtherm>, where Turtle concatenates the prefix.
  'dryad-globtherm-sdata': {
    why: '"ex" is not a JSON-LD 1.1 prefix (its IRI ends in neither / nor #)',
    correct: (q) =>
      q.subject.value === 'ex:globtherm'
        ? DataFactory.quad(DataFactory.namedNode('http://dcat.example.org/dryad-globtherm-sdataglobtherm'), q.predicate, q.object, q.graph)
        : q,
  },
  // The JSON-LD uses the compact IRI "dcat:byteSize" instead of the integer-typed term "byteSize",
  // so its value stays a plain string where the Turtle writes an integer.
  threddsABC: {
    why: '"dcat:byteSize" bypasses the integer-typed term "byteSize"',
    correct: (q) =>
      q.predicate.value === 'http://www.w3.org/ns/dcat#byteSize' && q.object.termType === 'Literal' && q.object.datatype.value !== XSD_INTEGER
        ? DataFactory.quad(q.subject, q.predicate, DataFactory.literal(q.object.value, DataFactory.namedNode(XSD_INTEGER)), q.graph)
        : q,
  },
};

describe('DCAT 3 examples: Turtle (n3) and JSON-LD (jsonld) read as the same graph', () => {
  it(`finds the 27 example pairs in ${fileURLToPath(EXAMPLES)}`, () => {
    expect(pairs).toHaveLength(27);
  });

  for (const name of pairs) {
    const erratum = ERRATA[name];
    it(`${name}: isomorphic${erratum ? ` once the fixture's erratum is corrected (${erratum.why})` : ''}`, async () => {
      const turtle = parseTurtle(readFileSync(new URL(`${name}.ttl`, EXAMPLES), 'utf8'), { baseIri: BASE, pointer: '' });
      const document: unknown = JSON.parse(readFileSync(new URL(`${name}.jsonld`, EXAMPLES), 'utf8'));
      const read = await jsonLdToQuads(document, { loader, base: BASE, site: { pointer: '', document, what: name } });
      const jsonLd = erratum ? read.map(erratum.correct) : read;
      // The correction must have had something to correct: the erratum is in the files, not assumed.
      if (erratum) expect(jsonLd.filter((q, i) => q !== read[i]).length).toBeGreaterThan(0);
      expect(turtle.length).toBeGreaterThan(0);
      // Compare canonical N-Quads line by line, so a failure shows exactly which triples differ.
      const [a, b] = await Promise.all([canonicalNQuads(turtle), canonicalNQuads(jsonLd)]);
      expect(b.split('\n')).toEqual(a.split('\n'));
    });
  }
});
