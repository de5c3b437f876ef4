import { QUANTA_NS } from '@quanta/ontologies';

/**
 * Namespaces the semantic layer reads and writes, by the prefix Turtle exports use for them.
 * One table, so the Turtle writer, the concept queries and the policy mapping agree on spelling.
 */
export const PREFIXES = {
  dprod: 'https://ekgf.github.io/dprod/',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  dqv: 'http://www.w3.org/ns/dqv#',
  prov: 'http://www.w3.org/ns/prov#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  quanta: QUANTA_NS,
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
} as const;

/** A prefix of {@link PREFIXES}. */
export type Prefix = keyof typeof PREFIXES;

/** The full IRI of `prefix:local`. */
export function iri(prefix: Prefix, local: string): string {
  return `${PREFIXES[prefix]}${local}`;
}

/** `rdf:type`, which every typing query needs. */
export const RDF_TYPE = iri('rdf', 'type');

/** `quanta:Concept`: the class a concept is known by (the target of the field-concept policy). */
export const QUANTA_CONCEPT = iri('quanta', 'Concept');
