import type { Quad } from '@rdfjs/types';
import { conceptLabel } from '@quanta/core';
import type { EntityModel, Iri, ModelAttribute, ModelEntity, ModelRelation } from '@quanta/model';
import { PREFIXES, RDF_TYPE, iri } from './vocabulary.js';

const CLASSES = new Set([iri('owl', 'Class'), iri('rdfs', 'Class'), iri('skos', 'Concept')]);
const OBJECT_PROPERTY = iri('owl', 'ObjectProperty');
const PROPERTIES = new Set([OBJECT_PROPERTY, iri('owl', 'DatatypeProperty'), iri('rdf', 'Property')]);
const LABELS = [iri('skos', 'prefLabel'), iri('rdfs', 'label')];
const COMMENTS = [iri('skos', 'definition'), iri('rdfs', 'comment')];
const MATCHES = ['owl:sameAs', 'owl:equivalentClass', 'skos:exactMatch', 'skos:closeMatch', 'skos:broadMatch', 'skos:narrowMatch', 'skos:relatedMatch'].map((curie) => {
  const [prefix, local] = curie.split(':') as ['owl' | 'skos', string];
  return [iri(prefix, local), local] as const;
});
/** A diagram people can read has tens of boxes; a model with hundreds of classes is cut here. */
const MAX_ENTITIES = 200;
const MAX_ATTRIBUTES = 50;

/** Subject → predicate → objects: the model's triples, indexed once. */
type Index = Map<string, Map<string, Quad['object'][]>>;

function indexOf(model: readonly Quad[]): Index {
  const index: Index = new Map();
  for (const q of model) {
    const bySubject = index.get(q.subject.value) ?? new Map<string, Quad['object'][]>();
    index.set(q.subject.value, bySubject.set(q.predicate.value, [...(bySubject.get(q.predicate.value) ?? []), q.object]));
  }
  return index;
}

/** The first literal of the first predicate that has one, English or untagged first. */
function literal(index: Index, subject: string, predicates: readonly string[]): string | undefined {
  for (const p of predicates) {
    const values = (index.get(subject)?.get(p) ?? []).filter((o) => o.termType === 'Literal');
    const best = values.find((o) => 'language' in o && (o.language === '' || o.language.startsWith('en'))) ?? values[0];
    if (best) return best.value;
  }
  return undefined;
}

const named = (index: Index, subject: string, predicate: string): Iri[] =>
  (index.get(subject)?.get(predicate) ?? []).filter((o) => o.termType === 'NamedNode').map((o) => o.value);

const isA = (index: Index, subject: string, types: ReadonlySet<string>) => named(index, subject, RDF_TYPE).some((t) => types.has(t));

/**
 * The entity view of a semantic model's triples: each class an entity, each property with a
 * domain either an attribute of its domain (a datatype range, or none) or a relation to its range
 * (an object property, or a range that is not a datatype), and each class's declared matches.
 */
export function entityModelOf(model: readonly Quad[]): EntityModel {
  const index = indexOf(model);
  const label = (s: string) => literal(index, s, LABELS) ?? conceptLabel(s);
  const subjects = [...index.keys()];
  const classes = subjects.filter((s) => isA(index, s, CLASSES) && !isA(index, s, PROPERTIES)).slice(0, MAX_ENTITIES);
  const attributes = new Map<Iri, ModelAttribute[]>();
  const relations: ModelRelation[] = [];
  for (const p of subjects.filter((s) => isA(index, s, PROPERTIES))) {
    const range = named(index, p, iri('rdfs', 'range'))[0];
    const datatype = range === undefined || range.startsWith(PREFIXES.xsd) || range === iri('rdfs', 'Literal');
    const linksEntities = range !== undefined && (!datatype || named(index, p, RDF_TYPE).includes(OBJECT_PROPERTY));
    for (const domain of named(index, p, iri('rdfs', 'domain'))) {
      if (linksEntities) {
        relations.push({ iri: p, label: label(p), from: domain, to: range });
      } else {
        attributes.set(domain, [...(attributes.get(domain) ?? []), { iri: p, label: label(p), ...(range !== undefined && { range }) }]);
      }
    }
  }
  const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label);
  const entities = classes.map((c): ModelEntity => {
    const comment = literal(index, c, COMMENTS);
    return {
      iri: c,
      label: label(c),
      ...(comment !== undefined && { comment }),
      attributes: (attributes.get(c) ?? []).sort(byLabel).slice(0, MAX_ATTRIBUTES),
      matches: MATCHES.flatMap(([predicate, relation]) => named(index, c, predicate).map((m) => ({ iri: m, relation }))),
    };
  });
  return { entities: entities.sort(byLabel), relations: relations.sort((a, b) => a.from.localeCompare(b.from) || byLabel(a, b)) };
}
