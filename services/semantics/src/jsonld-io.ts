import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { type DocumentSite, asInputError } from './jsonld-errors.js';
import type { PinnedLoader } from './pinned-loader.js';
import { toNQuads } from './nquads.js';
import { iri } from './vocabulary.js';

/** An expanded JSON-LD document: an array of node objects with full IRIs. */
export type ExpandedDocument = readonly Record<string, unknown>[];

/** How to read one JSON-LD document. */
export interface JsonLdReadOptions {
  /** The only way a context URL is resolved. */
  readonly loader: PinnedLoader;
  /** Base IRI for relative IRIs; `null` leaves them relative, which safe mode refuses. */
  readonly base: string | null;
  /** Where the document sits in the input, for errors. */
  readonly site: DocumentSite;
}

// jsonld 9 takes `safe` (and more) that @types/jsonld 1.5 does not know yet.
type Options = Record<string, unknown>;
const api = jsonld as unknown as {
  expand(input: unknown, options: Options): Promise<Record<string, unknown>[]>;
  toRDF(input: unknown, options: Options): Promise<JsonLdQuad[]>;
  compact(input: unknown, context: unknown, options: Options): Promise<Record<string, unknown>>;
  fromRDF(input: string, options: Options): Promise<Record<string, unknown>[]>;
};

/**
 * Expands in safe mode: a term the context does not define, a relative `@type` or `@id` that no
 * base resolves, or any other value expansion would silently drop is a ValidationError naming it.
 * @throws ValidationError
 */
export async function expandSafe(document: unknown, options: JsonLdReadOptions): Promise<ExpandedDocument> {
  const loader = recording(options.loader);
  try {
    return await api.expand(document, { base: options.base, documentLoader: loader, safe: true });
  } catch (error) {
    throw loader.refusals[0] ?? asInputError(error, options.site);
  }
}

/**
 * Reads a JSON-LD document as RDF quads: safe expansion, then `toRDF`. Blank nodes get labels
 * unique to this call, so quads from different documents can be merged without collisions.
 * @throws ValidationError
 */
export async function jsonLdToQuads(document: unknown, options: JsonLdReadOptions): Promise<Quad[]> {
  const expanded = await expandSafe(document, options);
  try {
    // Expanded already, so nothing is left to load; the pinned loader still stands in for jsonld's networked default.
    return fromJsonLdQuads(await api.toRDF(expanded, { skipExpansion: true, safe: true, documentLoader: options.loader }));
  } catch (error) {
    throw asInputError(error, options.site);
  }
}

/**
 * Quads as JSON-LD compacted with `context` (a pinned context URL or an inline context), so the
 * output carries `"@context": <that URL>` and short terms wherever the context has one.
 */
export async function compactQuads(
  quads: readonly Quad[],
  context: string | Record<string, unknown>,
  loader: PinnedLoader,
): Promise<Record<string, unknown>> {
  const expanded = await api.fromRDF(toNQuads(quads), { format: 'application/n-quads' });
  return api.compact(expanded, context, { documentLoader: loader, safe: true });
}

/**
 * The loader, remembering what it refused during one call. jsonld does not always keep a loader's
 * error as the cause of its own (a scoped context that fails to load is rethrown bare, as "invalid
 * scoped context"), so the refusal itself is what the caller gets.
 */
function recording(loader: PinnedLoader): PinnedLoader & { refusals: unknown[] } {
  const refusals: unknown[] = [];
  const load = async (url: string) => {
    try {
      return await loader(url);
    } catch (error) {
      refusals.push(error);
      throw error;
    }
  };
  return Object.assign(load, { refusals });
}

/** The RDF/JS-shaped quads `jsonld.toRDF` returns (plain objects, blank nodes as `_:label`). */
interface JsonLdTerm {
  readonly termType: string;
  readonly value: string;
  readonly datatype?: { readonly value: string };
  readonly language?: string;
}
interface JsonLdQuad {
  readonly subject: JsonLdTerm;
  readonly predicate: JsonLdTerm;
  readonly object: JsonLdTerm;
  readonly graph: JsonLdTerm;
}

const XSD_STRING = iri('xsd', 'string');
let documents = 0;

function fromJsonLdQuads(dataset: readonly JsonLdQuad[]): Quad[] {
  const prefix = `j${++documents}_`;
  const term = (t: JsonLdTerm) => {
    switch (t.termType) {
      case 'BlankNode':
        return DataFactory.blankNode(`${prefix}${t.value.replace(/^_:/, '')}`);
      case 'Literal':
        return DataFactory.literal(t.value, t.language ? t.language : DataFactory.namedNode(t.datatype?.value ?? XSD_STRING));
      case 'DefaultGraph':
        return DataFactory.defaultGraph();
      default:
        return DataFactory.namedNode(t.value);
    }
  };
  return dataset.map((q) =>
    DataFactory.quad(
      term(q.subject) as Quad['subject'],
      term(q.predicate) as Quad['predicate'],
      term(q.object) as Quad['object'],
      term(q.graph) as Quad['graph'],
    ),
  );
}
