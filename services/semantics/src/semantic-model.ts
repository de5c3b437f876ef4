import type { Quad } from '@rdfjs/types';
import type { Descriptor } from '@quanta/model';
import type { ContextDocument } from '@quanta/ontologies';
import { assertSafeContexts } from './context-guard.js';
import { jsonLdToQuads } from './jsonld-io.js';
import { createPinnedLoader } from './pinned-loader.js';
import { parseTurtle } from './turtle.js';

const POINTER = '/semanticModel';

/**
 * The triples of a descriptor's semantic model, or undefined without one. JSON-LD (an object or
 * an array, with inline contexts or pinned context URLs) is checked by the context guard and then
 * expanded in safe mode; Turtle (a string with `semanticModelFormat: text/turtle`) is parsed with
 * the product IRI as base. Relative IRIs in either resolve against the product IRI.
 * @throws ValidationError when the model cannot be read as RDF
 */
export async function readSemanticModel(
  descriptor: Descriptor,
  pinned: ReadonlyMap<string, ContextDocument>,
): Promise<Quad[] | undefined> {
  const model = descriptor.semanticModel;
  if (model === undefined) return undefined;
  if (typeof model === 'string') return parseTurtle(model, { baseIri: descriptor.id, pointer: POINTER });
  assertSafeContexts(model, { pinned, pointer: POINTER, base: descriptor.id });
  return jsonLdToQuads(model, {
    loader: createPinnedLoader({ pinned, pointer: `${POINTER}/@context` }),
    base: descriptor.id,
    site: { pointer: POINTER, document: model, what: 'semantic model' },
  });
}
