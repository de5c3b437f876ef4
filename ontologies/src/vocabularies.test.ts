import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONTOLOGIES_DIR, VOCABULARIES, ontologyTurtle, pinnedContexts, readVocabulary, shapesTurtle } from './index.js';
import { Graph, parse } from './testing/rdf.js';

describe('the RDF files of the package', () => {
  it('parses the core ontology and the shapes as Turtle', () => {
    expect(parse(ontologyTurtle()).length).toBeGreaterThan(100);
    expect(parse(shapesTurtle()).length).toBeGreaterThan(30);
  });

  it.each(VOCABULARIES.map((file) => [file.path, file] as const))('parses the pinned vocabulary %s and finds its namespace declared', (_path, file) => {
    const text = readVocabulary(file);
    if (file.format === 'application/ld+json') {
      expect(JSON.parse(text)).toHaveProperty('@context');
      return;
    }
    const declared = [...new Graph(parse(text, file.format)).declared()];
    // Ten terms at least: a wrong path or an empty file must not pass as "parsed".
    expect(declared.filter((iri) => iri.startsWith(file.namespace)).length).toBeGreaterThan(10);
  });

  it('pins the ODRL context under both of its URLs', () => {
    const contexts = pinnedContexts();
    for (const url of ['http://www.w3.org/ns/odrl.jsonld', 'https://www.w3.org/ns/odrl.jsonld']) {
      expect(contexts.get(url)?.['@context'], url).toBeTypeOf('object');
    }
  });

  it('names the source of every pinned file in vocab/README.md', () => {
    const readme = readFileSync(join(ONTOLOGIES_DIR, 'vocab', 'README.md'), 'utf8');
    for (const path of [...VOCABULARIES.map((file) => file.path), 'w3c-ns/odrl.jsonld']) {
      expect(readme, path).toContain(`\`${path}\``);
    }
    expect(readme.match(/\b[0-9a-f]{40}\b/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });
});
