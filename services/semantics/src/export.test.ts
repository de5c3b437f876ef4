import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Descriptor, type Product, parseDescriptor } from '@quanta/model';
import { CONTEXT_IRI } from '@quanta/ontologies';
import { isIsomorphic } from './canonical.js';
import { jsonLdToQuads } from './jsonld-io.js';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';
import { createPinnedLoader } from './pinned-loader.js';
import { parseTurtle } from './turtle.js';
import { iri } from './vocabulary.js';

// The demo products, found from this file so the test runs wherever the repository is cloned.
const DEMO = new URL('../../../ingest/demo/products/', import.meta.url);
const readDemo = (path: string): Descriptor => parseDescriptor(parse(readFileSync(new URL(path, DEMO), 'utf8')));
const asProduct = (descriptor: Descriptor): Product => {
  const at = '2026-01-01T00:00:00.000Z';
  return { iri: descriptor.id, revision: 1, descriptor, hash: 'demo', recordedAt: at, recordedBy: 'demo', createdAt: at };
};
const layer = JsonLdSemanticLayer.create();

describe('export of a real demo product (player/play-events)', () => {
  const demo = readDemo('player/play-events.yaml');
  const product = asProduct(demo);

  it('meets every policy of severity Violation', async () => {
    const { findings } = await layer.analyze(demo, new Set());
    expect(findings.filter((f) => f.severity === 'Violation')).toEqual([]);
  });

  it('exports JSON-LD compacted with the Quanta context and Turtle that are the same graph', async () => {
    const jsonLdText = await layer.exportProduct(product, 'application/ld+json', new Set());
    const turtleText = await layer.exportProduct(product, 'text/turtle', new Set());
    const jsonLd = JSON.parse(jsonLdText) as Record<string, unknown>;
    expect(jsonLd['@context']).toBe(CONTEXT_IRI);
    const fromJsonLd = await jsonLdToQuads(jsonLd, {
      loader: createPinnedLoader(),
      base: null,
      site: { pointer: '', document: jsonLd, what: 'export' },
    });
    const fromTurtle = parseTurtle(turtleText, { baseIri: demo.id, pointer: '' });
    expect(fromTurtle.length).toBeGreaterThan(100);
    expect(await isIsomorphic(fromJsonLd, fromTurtle)).toBe(true);
    const typeOf = (s: string) => fromTurtle.filter((q) => q.subject.value === s && q.predicate.value === iri('rdf', 'type')).map((q) => q.object.value);
    expect(typeOf(demo.id)).toEqual([iri('dprod', 'DataProduct')]);
    expect(typeOf(`${demo.id}/ports/stream`)).toEqual([iri('quanta', 'OutputPort')]);
  });

  it("carries the semantic model's own triples, and types the known concepts it mentions", async () => {
    const listener = 'https://daff.example/ontology/Listener';
    const quads = parseTurtle(await layer.exportProduct(product, 'text/turtle', new Set([listener, 'https://unrelated.test/x'])), {
      baseIri: demo.id,
      pointer: '',
    });
    const typed = quads.filter((q) => q.predicate.value === iri('rdf', 'type') && q.object.value === iri('quanta', 'Concept')).map((q) => q.subject.value);
    expect(typed).toContain(listener);
    expect(typed).not.toContain('https://unrelated.test/x');
    if (demo.semanticModel !== undefined) {
      const { concepts } = await layer.analyze(demo, new Set());
      for (const c of concepts.filter((c) => c.defined)) expect(typed).toContain(c.iri);
    }
  });
});

describe('every demo descriptor', () => {
  const files = readdirSync(DEMO, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();

  it('is found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  // ADR 0006: every descriptor term must be in the context, so each demo product reads as RDF in safe mode.
  for (const file of files) {
    it(`${file} reads as RDF in safe mode, semantic model included, and breaks no Violation policy`, async () => {
      const { findings } = await layer.analyze(readDemo(file), new Set());
      expect(findings.filter((f) => f.severity === 'Violation')).toEqual([]);
    });
  }
});
