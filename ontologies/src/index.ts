/**
 * @module
 * Quanta's ontologies are data (JSON-LD, Turtle, SHACL) beside this package; this module only
 * says where they are and loads them, so no other package hard-codes a path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTEXT_IRI } from './iris.js';

/** The folder holding the ontology files. */
export const ONTOLOGIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export { CONTEXT_IRI, QUANTA_NS } from './iris.js';

const read = (file: string) => readFileSync(join(ONTOLOGIES_DIR, file), 'utf8');

/** A JSON-LD document whose only member that matters is `@context`. */
export interface ContextDocument {
  readonly '@context': Record<string, unknown> | readonly unknown[];
}

/** The default JSON-LD context every descriptor is read through. */
export function loadContext(): { '@context': Record<string, unknown> } {
  return JSON.parse(read('context.jsonld')) as { '@context': Record<string, unknown> };
}

/** The Quanta core ontology (`quanta.ttl`), Turtle. */
export function ontologyTurtle(): string {
  return read('quanta.ttl');
}

/** The global policies as SHACL shapes (`shapes.ttl`), Turtle. */
export function shapesTurtle(): string {
  return read('shapes.ttl');
}

/**
 * The JSON-LD contexts a document may name, by URL: the only documents the semantic layer's
 * loader ever returns. Everything else is refused (DESIGN.md §8, §9.7).
 */
export function pinnedContexts(): ReadonlyMap<string, ContextDocument> {
  // One document under both schemes it is published at; the loader hands out copies.
  const odrl = JSON.parse(read('vocab/w3c-ns/odrl.jsonld')) as ContextDocument;
  return new Map<string, ContextDocument>([
    [CONTEXT_IRI, loadContext()],
    ['http://www.w3.org/ns/odrl.jsonld', odrl],
    ['https://www.w3.org/ns/odrl.jsonld', odrl],
  ]);
}

/** One pinned W3C vocabulary file under `vocab/`. */
export interface VocabularyFile {
  /** Path under `vocab/`: `<source folder>/<file>`; `vocab/README.md` gives its path in the source repository. */
  readonly path: string;
  readonly format: 'text/turtle' | 'application/n-quads' | 'application/ld+json';
  /** The vocabulary's namespace IRI. */
  readonly namespace: string;
}

/** The pinned vocabularies (see `vocab/README.md` for their sources and commits). */
export const VOCABULARIES: readonly VocabularyFile[] = [
  { path: 'w3c-ns/dcat3.ttl', format: 'text/turtle', namespace: 'http://www.w3.org/ns/dcat#' },
  { path: 'w3c-ns/dqv.ttl', format: 'text/turtle', namespace: 'http://www.w3.org/ns/dqv#' },
  { path: 'w3c-ns/prov-o.ttl', format: 'text/turtle', namespace: 'http://www.w3.org/ns/prov#' },
  { path: 'w3c-ns/org.ttl', format: 'text/turtle', namespace: 'http://www.w3.org/ns/org#' },
  { path: 'w3c-ns/shacl.ttl', format: 'text/turtle', namespace: 'http://www.w3.org/ns/shacl#' },
  { path: 'zazuko/skos.nq', format: 'application/n-quads', namespace: 'http://www.w3.org/2004/02/skos/core#' },
  { path: 'ekgf-dprod/dprod-ontology.ttl', format: 'text/turtle', namespace: 'https://ekgf.github.io/dprod/' },
];

/** The text of a pinned vocabulary. */
export function readVocabulary(file: VocabularyFile): string {
  return read(join('vocab', file.path));
}
