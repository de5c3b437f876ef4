/**
 * @module
 * Test helpers over n3: parse the package's RDF files into a store and ask it the few questions
 * the tests need (objects, declarations, RDF lists). Test-only, so n3 stays a devDependency.
 */
import { DataFactory, Parser, Store, type Quad, type Term } from 'n3';
import { QUANTA_NS, VOCABULARIES, loadContext, ontologyTurtle, readVocabulary, type VocabularyFile } from '../index.js';

/** Namespaces the tests spell terms in. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  dcterms: 'http://purl.org/dc/terms/',
  dprod: 'https://ekgf.github.io/dprod/',
  quanta: QUANTA_NS,
} as const;

/** The named node `prefix:local`. */
export const term = (prefix: keyof typeof NS, local: string) => DataFactory.namedNode(`${NS[prefix]}${local}`);

const RDF_TYPE = term('rdf', 'type');

/** Parses Turtle (or N-Quads), throwing on the first syntax error. */
export function parse(text: string, format: VocabularyFile['format'] | 'text/turtle' = 'text/turtle'): Quad[] {
  return new Parser({ format: format === 'application/n-quads' ? 'N-Quads' : 'Turtle' }).parse(text);
}

/** A parsed graph with the lookups the tests use; quads of every named graph count. */
export class Graph {
  readonly store: Store;

  constructor(quads: readonly Quad[]) {
    this.store = new Store([...quads]);
  }

  /** The objects of `subject predicate ?`. */
  objects(subject: Term, predicate: Term): Term[] {
    return this.store.getObjects(subject, predicate, null);
  }

  /** The subjects of `? predicate object`. */
  subjects(predicate: Term, object: Term | null): Term[] {
    return this.store.getSubjects(predicate, object, null);
  }

  /** Every IRI the graph types (`<iri> a ?`): what it declares. */
  declared(): Set<string> {
    return new Set(this.subjects(RDF_TYPE, null).filter((s) => s.termType === 'NamedNode').map((s) => s.value));
  }

  /** The `rdf:type`s of `subject`, as IRIs. */
  types(subject: Term): string[] {
    return this.objects(subject, RDF_TYPE).map((t) => t.value);
  }

  /** The members of the RDF list starting at `head`; throws on a malformed list. */
  list(head: Term): Term[] {
    const items: Term[] = [];
    for (let node = head; node.value !== `${NS.rdf}nil`; ) {
      const [first, ...moreFirst] = this.objects(node, term('rdf', 'first'));
      const [rest, ...moreRest] = this.objects(node, term('rdf', 'rest'));
      if (!first || !rest || moreFirst.length > 0 || moreRest.length > 0) throw new Error(`malformed RDF list at ${node.value}`);
      items.push(first);
      node = rest;
    }
    return items;
  }
}

/** The core ontology, parsed. */
export const ontology = () => new Graph(parse(ontologyTurtle()));

/** Every IRI the core ontology or a pinned vocabulary declares. */
export function declaredAnywhere(): Set<string> {
  const all = ontology().declared();
  for (const file of VOCABULARIES) {
    if (file.format === 'application/ld+json') continue; // a JSON-LD context declares no terms
    for (const iri of new Graph(parse(readVocabulary(file), file.format)).declared()) all.add(iri);
  }
  return all;
}

/** The absolute IRI of a context value such as `quanta:team`, through the context's prefixes. */
export function expandTerm(value: string): string {
  const context = loadContext()['@context'];
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? context[value.slice(0, colon)] : undefined;
  if (typeof prefix !== 'string') throw new Error(`"${value}" does not start with a prefix the context defines`);
  return `${prefix}${value.slice(colon + 1)}`;
}

/** Every term of the context with the IRI it maps to (keywords, prefixes and aliases left out). */
export function contextTerms(): Map<string, { iri: string; definition: unknown }> {
  const context = loadContext()['@context'];
  const terms = new Map<string, { iri: string; definition: unknown }>();
  for (const [key, definition] of Object.entries(context)) {
    const id = typeof definition === 'string' ? definition : (definition as { '@id'?: string })['@id'];
    if (key.startsWith('@') || typeof id !== 'string' || id.startsWith('@') || /^[a-z]+:\/\//.test(id)) continue;
    terms.set(key, { iri: expandTerm(id), definition });
  }
  return terms;
}
