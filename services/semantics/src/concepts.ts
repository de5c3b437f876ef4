import type { Literal, Quad } from '@rdfjs/types';
import { claimedConcepts, conceptLabel } from '@quanta/core';
import type { ConceptEquivalence, ConceptRef, Descriptor, Iri } from '@quanta/model';
import { RDF_TYPE, iri } from './vocabulary.js';

/** The classes and properties a semantic model defines when it types an IRI with one of these (ADR 0006). */
export const DEFINING_TYPES: ReadonlySet<string> = new Set([
  iri('rdfs', 'Class'),
  iri('owl', 'Class'),
  iri('skos', 'Concept'),
  iri('rdf', 'Property'),
  iri('owl', 'ObjectProperty'),
  iri('owl', 'DatatypeProperty'),
]);

/** Predicates that declare two concepts the same, by the name `ConceptEquivalence` uses. */
export const EQUIVALENCE_PREDICATES: ReadonlyMap<string, ConceptEquivalence['relation']> = new Map([
  [iri('owl', 'sameAs'), 'owl:sameAs'],
  [iri('skos', 'exactMatch'), 'skos:exactMatch'],
  [iri('owl', 'equivalentClass'), 'owl:equivalentClass'],
  [iri('owl', 'equivalentProperty'), 'owl:equivalentProperty'],
]);

/** Label predicates, best first. */
const LABELS = [iri('skos', 'prefLabel'), iri('rdfs', 'label')];
const ALT_LABEL = iri('skos', 'altLabel');
/** A glossary term rarely has more names than this; a model listing hundreds is not a glossary. */
const MAX_ALT_LABELS = 20;
/** Labels are shown in lists and graphs: a model's 20 kB label is cut, not stored whole per concept. */
const MAX_LABEL = 200;

/** What a product's descriptor and semantic model say about concepts. */
export interface ConceptExtraction {
  readonly concepts: ConceptRef[];
  readonly equivalences: ConceptEquivalence[];
  /** The IRIs the semantic model defines: known concepts from now on. */
  readonly defined: ReadonlySet<Iri>;
}

/**
 * A product's concepts: its `concepts`, its fields' `concept`s (in descriptor order), then the
 * classes and properties its semantic model defines (by IRI). Each is labelled by the model's
 * `skos:prefLabel`, else `rdfs:label`, else the IRI's last segment. Equivalences are the model's
 * owl:sameAs, skos:exactMatch, owl:equivalentClass and owl:equivalentProperty between two IRIs.
 */
export function extractConcepts(descriptor: Descriptor, model: readonly Quad[] = [], defined: ReadonlySet<Iri> = definedIn(model)): ConceptExtraction {
  const mentioned = [...claimedConcepts(descriptor), ...[...defined].sort()];
  const labels = labelsOf(model);
  const alternatives = altLabelsOf(model, defined);
  const concepts = [...new Set(mentioned)].map((c) => {
    const altLabels = alternatives.get(c);
    return { iri: c, label: labels.get(c) ?? conceptLabel(c), defined: defined.has(c), ...(altLabels && { altLabels }) };
  });
  return { concepts, equivalences: equivalencesOf(model), defined };
}

/** The IRIs a semantic model defines: typed as a class, property or skos:Concept (ADR 0006). */
export function definedIn(model: readonly Quad[]): ReadonlySet<Iri> {
  return new Set(
    model
      .filter((q) => q.subject.termType === 'NamedNode' && q.predicate.value === RDF_TYPE && DEFINING_TYPES.has(q.object.value))
      .map((q) => q.subject.value),
  );
}

function labelsOf(model: readonly Quad[]): Map<Iri, string> {
  const best = new Map<Iri, { rank: number; value: string }>();
  for (const q of model) {
    const predicate = LABELS.indexOf(q.predicate.value);
    if (predicate < 0 || q.subject.termType !== 'NamedNode' || q.object.termType !== 'Literal') continue;
    const value = q.object.value.replace(/\s+/g, ' ').trim();
    if (value === '') continue;
    // prefLabel before label; within one, untagged or English before other languages; then the smallest text, for determinism
    const rank = predicate * 2 + (languageRank(q.object) > 0 ? 1 : 0);
    const current = best.get(q.subject.value);
    if (!current || rank < current.rank || (rank === current.rank && value < current.value)) best.set(q.subject.value, { rank, value });
  }
  return new Map([...best].map(([c, { value }]) => [c, value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value]));
}

/** `skos:altLabel`s (English or untagged) of the concepts the model defines: its glossary entries. */
function altLabelsOf(model: readonly Quad[], defined: ReadonlySet<Iri>): Map<Iri, string[]> {
  const found = new Map<Iri, Set<string>>();
  for (const q of model) {
    if (q.predicate.value !== ALT_LABEL || !defined.has(q.subject.value) || q.object.termType !== 'Literal' || languageRank(q.object) > 0) continue;
    const value = q.object.value.replace(/\s+/g, ' ').trim();
    if (value === '' || value.length > MAX_LABEL) continue;
    const set = found.get(q.subject.value) ?? new Set<string>();
    set.add(value);
    found.set(q.subject.value, set);
  }
  return new Map([...found].map(([c, set]) => [c, [...set].sort().slice(0, MAX_ALT_LABELS)]));
}

function languageRank(literal: Literal): number {
  return literal.language === '' || /^en(-|$)/i.test(literal.language) ? 0 : 1;
}

function equivalencesOf(model: readonly Quad[]): ConceptEquivalence[] {
  const found = new Map<string, ConceptEquivalence>();
  for (const q of model) {
    const relation = EQUIVALENCE_PREDICATES.get(q.predicate.value);
    if (!relation || q.subject.termType !== 'NamedNode' || q.object.termType !== 'NamedNode') continue;
    if (q.subject.value === q.object.value) continue;
    found.set(`${q.subject.value}\u0000${q.object.value}\u0000${relation}`, { from: q.subject.value, to: q.object.value, relation });
  }
  return [...found.keys()].sort().map((k) => found.get(k) as ConceptEquivalence);
}
