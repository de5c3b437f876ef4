/**
 * @module
 * Quanta's ontologies are data (JSON-LD, Turtle, SHACL) beside this package; this module only
 * says where they are and loads them, so no other package hard-codes a path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the ontology files. */
export const ONTOLOGIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export { CONTEXT_IRI, QUANTA_NS } from './iris.js';

/** The default JSON-LD context every descriptor is read through. */
export function loadContext(): { '@context': Record<string, unknown> } {
  return JSON.parse(readFileSync(join(ONTOLOGIES_DIR, 'context.jsonld'), 'utf8')) as { '@context': Record<string, unknown> };
}
