import type { Iri } from './iri.js';

/** How much a policy finding matters: a Violation rejects a registration, a Warning is stored and shown. */
export type FindingSeverity = 'Violation' | 'Warning' | 'Info';

/** One result of the global policy check (SHACL shapes in `ontologies/shapes.ttl`). */
export interface PolicyFinding {
  readonly severity: FindingSeverity;
  /** JSON Pointer into the descriptor, e.g. `/outputPorts/0/slos`; `''` for the product as a whole. */
  readonly path: string;
  /** What is wrong and how to fix it, in one sentence. */
  readonly message: string;
  /** The IRI of the shape that produced it, for governance to look up. */
  readonly shape?: Iri;
}

/** A concept a product speaks about, with the label the semantic layer found for it. */
export interface ConceptRef {
  readonly iri: Iri;
  readonly label: string;
  /** True when the product's semantic model defines it (a class, property or skos:Concept), not only mentions it. */
  readonly defined: boolean;
  /**
   * Other names the defining model gives it (`skos:altLabel`, English or untagged), sorted: the
   * mesh's glossary, which duplicate detection maps column names through. Absent when none.
   */
  readonly altLabels?: readonly string[];
}

/** Two concepts a product declares to mean the same thing. */
export interface ConceptEquivalence {
  readonly from: Iri;
  readonly to: Iri;
  /** The predicate that said so. */
  readonly relation: 'owl:sameAs' | 'skos:exactMatch' | 'owl:equivalentClass' | 'owl:equivalentProperty';
}

/** What the semantic layer derives from one descriptor; stored with the revision it was derived for. */
export interface ProductSemantics {
  /** Policy findings, Violations first. Empty when every policy holds. */
  readonly findings: readonly PolicyFinding[];
  /** Every concept the product speaks about: `concepts`, field concepts, its semantic model's classes and properties. */
  readonly concepts: readonly ConceptRef[];
  /** Equivalences its semantic model declares (owl:sameAs, skos:exactMatch, ...). */
  readonly equivalences: readonly ConceptEquivalence[];
  /** SHA-256 of the URDNA2015 canonical N-Quads of the semantic model; absent without one. */
  readonly modelHash?: string;
}

/** RDF serialisations a product can be read as. */
export type RdfFormat = 'application/ld+json' | 'text/turtle';
