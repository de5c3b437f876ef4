import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser, Writer } from 'n3';
import { ValidationError } from '@quanta/model';
import { PREFIXES } from './vocabulary.js';

/** Where a Turtle document comes from, for relative IRIs and for errors. */
export interface TurtleSource {
  /** Base IRI relative IRIs resolve against: the product IRI for a semantic model. */
  readonly baseIri: string;
  /** JSON Pointer of the text inside the descriptor, e.g. `/semanticModel`. */
  readonly pointer: string;
}

/**
 * Parses Turtle (strictly Turtle: no N3 formulas, no named graphs). Blank nodes get labels unique
 * to this parser, so the quads merge with others without collisions.
 * @throws ValidationError naming the line of a syntax error
 */
export function parseTurtle(text: string, source: TurtleSource): Quad[] {
  try {
    return new Parser({ format: 'text/turtle', baseIRI: source.baseIri }).parse(text);
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/ on line \d+\.?$/, '');
    const message = line === undefined ? `Turtle syntax error: ${reason}` : `Turtle syntax error on line ${line}: ${reason}`;
    throw new ValidationError(`Invalid semantic model: ${message}`, [{ pointer: source.pointer, message }]);
  }
}

/** The prefixes a Turtle export declares: the vocabularies a product's RDF is made of. */
export const TURTLE_PREFIXES: Readonly<Record<string, string>> = {
  dprod: PREFIXES.dprod,
  dcat: PREFIXES.dcat,
  dcterms: PREFIXES.dcterms,
  dqv: PREFIXES.dqv,
  prov: PREFIXES.prov,
  skos: PREFIXES.skos,
  quanta: PREFIXES.quanta,
  owl: PREFIXES.owl,
  rdf: PREFIXES.rdf,
  rdfs: PREFIXES.rdfs,
  xsd: PREFIXES.xsd,
};

/**
 * Writes quads as Turtle with {@link TURTLE_PREFIXES}. Turtle has no named graphs, so every quad
 * is written into the default graph.
 */
export function writeTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ format: 'text/turtle', prefixes: { ...TURTLE_PREFIXES } });
  for (const q of quads) writer.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph()));
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
