import type { Iri } from './iri.js';

/**
 * A product's semantic model as people read it: the classes it defines as entities with their
 * data attributes, the object properties between them as relations, and the links its classes
 * declare to other concepts (sameAs, exactMatch, ...). What the UI draws as an entity diagram.
 */
export interface EntityModel {
  readonly entities: readonly ModelEntity[];
  readonly relations: readonly ModelRelation[];
}

export interface ModelEntity {
  readonly iri: Iri;
  /** rdfs:label or skos:prefLabel, else the IRI's last segment. */
  readonly label: string;
  /** rdfs:comment or skos:definition. */
  readonly comment?: string;
  /** Datatype properties whose domain is this entity, in label order. */
  readonly attributes: readonly ModelAttribute[];
  /** Concepts it is declared the same as or close to. */
  readonly matches: readonly ModelMatch[];
}

export interface ModelAttribute {
  readonly iri: Iri;
  readonly label: string;
  /** The datatype (an XSD IRI) when declared. */
  readonly range?: Iri;
}

/** An object property from one entity to another (or to a concept outside the model). */
export interface ModelRelation {
  readonly iri: Iri;
  readonly label: string;
  readonly from: Iri;
  readonly to: Iri;
}

export interface ModelMatch {
  readonly iri: Iri;
  /** The predicate's local name: sameAs, equivalentClass, exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch. */
  readonly relation: string;
}
