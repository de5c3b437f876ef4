import type { Quad, Term } from '@rdfjs/types';
import { type Iri, toPointer } from '@quanta/model';
import { iri } from './vocabulary.js';

const RDF_FIRST = iri('rdf', 'first');
const RDF_REST = iri('rdf', 'rest');
const RDF_NIL = iri('rdf', 'nil');
/** Blank nodes (owner, classification, lineage) are found through the edge pointing at them; this bounds the walk. */
const MAX_HOPS = 4;

/** What a SHACL result's focus node and path are mapped back with. */
export interface LocatorSources {
  /** Descriptor pointer of every node the projection names (product, ports, fields, SLOs, inputs). */
  readonly nodes: ReadonlyMap<Iri, string>;
  /** Descriptor key of each predicate, from the Quanta context: `dcterms:description` → `description`. */
  readonly terms: ReadonlyMap<Iri, string>;
  /** The data graph the policies ran on. */
  readonly data: readonly Quad[];
  /** Quads holding the property paths results name: the shapes graph. */
  readonly paths: readonly Quad[];
  /** Subjects of the semantic model, which point at `/semanticModel`. */
  readonly modelSubjects: ReadonlySet<string>;
}

/**
 * Maps a SHACL result back into the descriptor: the focus node's pointer (the product `''`, a port
 * `/outputPorts/<i>`, a field `/outputPorts/<i>/fields/<j>`, an SLO, an input, or a blank node by
 * the edge that reaches it, e.g. the owner at `/owner`), followed by the result path read through
 * the context's terms (`dprod:outputPort` → `/outputPorts`; the sequence `quanta:classification /
 * quanta:confidentiality` → `/classification/confidentiality`). A path step without a term ends
 * the pointer at the node, which is still the right place to look.
 */
export class FindingLocator {
  private readonly incoming = new Map<string, Quad>();

  constructor(private readonly sources: LocatorSources) {
    for (const q of sources.data) {
      const key = termKey(q.object);
      if (!this.incoming.has(key)) this.incoming.set(key, q);
    }
  }

  /** JSON Pointer for a result with this focus node and path. */
  pointer(focus: Term, path: Term | undefined): string {
    const node = this.nodePointer(focus, 0);
    const steps = path ? this.pathTerms(path) : [];
    return node === '/semanticModel' ? node : `${node}${toPointer(steps)}`;
  }

  private nodePointer(node: Term, hops: number): string {
    const known = node.termType === 'NamedNode' ? this.sources.nodes.get(node.value) : undefined;
    if (known !== undefined) return known;
    const via = hops < MAX_HOPS ? this.incoming.get(termKey(node)) : undefined;
    const term = via && this.sources.terms.get(via.predicate.value);
    if (via && term) {
      const parent = this.nodePointer(via.subject, hops + 1);
      if (parent !== '/semanticModel') return `${parent}${toPointer([term])}`;
    }
    return this.sources.modelSubjects.has(node.value) ? '/semanticModel' : '';
  }

  /** The descriptor keys of a predicate path or a sequence path; empty for any other kind of path. */
  private pathTerms(path: Term): string[] {
    if (path.termType === 'NamedNode') {
      const term = this.sources.terms.get(path.value);
      return term ? [term] : [];
    }
    const steps: string[] = [];
    for (let list: Term | undefined = path, n = 0; list && list.value !== RDF_NIL && n < 16; n++) {
      const first = this.objectOf(list, RDF_FIRST);
      const term = first?.termType === 'NamedNode' ? this.sources.terms.get(first.value) : undefined;
      if (!term) break;
      steps.push(term);
      list = this.objectOf(list, RDF_REST);
    }
    return steps;
  }

  private objectOf(subject: Term, predicate: string): Term | undefined {
    return this.sources.paths.find((q) => q.subject.equals(subject) && q.predicate.value === predicate)?.object;
  }
}

/**
 * Descriptor keys by predicate IRI, read from a JSON-LD context: each term whose `@id` (or plain
 * value) is a compact or full IRI. Prefix definitions and keyword aliases are skipped.
 */
export function termsByPredicate(context: Record<string, unknown>): Map<Iri, string> {
  const prefixes = new Map<string, string>();
  for (const [term, value] of Object.entries(context)) {
    if (typeof value === 'string' && /[/#]$/.test(value)) prefixes.set(term, value);
  }
  const expand = (value: string) => {
    const colon = value.indexOf(':');
    const prefix = colon > 0 ? prefixes.get(value.slice(0, colon)) : undefined;
    return prefix ? `${prefix}${value.slice(colon + 1)}` : value;
  };
  const terms = new Map<Iri, string>();
  for (const [term, value] of Object.entries(context)) {
    const id = typeof value === 'string' ? value : (value as { '@id'?: unknown } | null)?.['@id'];
    if (typeof id !== 'string' || term.startsWith('@') || id.startsWith('@') || prefixes.has(term)) continue;
    const predicate = expand(id);
    if (!terms.has(predicate)) terms.set(predicate, term);
  }
  return terms;
}

function termKey(term: Term): string {
  return `${term.termType}\u0000${term.value}`;
}
