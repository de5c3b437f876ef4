import { type Descriptor, type Iri, type ProductSemantics, datasetIri, domainIri, portIri, teamIri } from '@quanta/model';
import type { GraphEdge, GraphNode, ProductGraph } from '../ports/knowledge-graph.js';

const node = (iri: Iri, kind: GraphNode['kind'], label: string, stub: boolean): GraphNode => ({ iri, kind, label, stub });

/** Strips a `#port` fragment from an input port's product reference. */
export function productOf(ref: Iri): Iri {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

/**
 * Derives the product's graph from a validated descriptor and what the semantic layer found in
 * it (its concepts with labels, and the equivalences its model declares). Pure and deterministic.
 */
export function productGraph(d: Descriptor, semantics?: ProductSemantics): ProductGraph {
  const owned: GraphNode[] = [node(d.id, 'DataProduct', d.title ?? d.name, false)];
  const referenced = new Map<Iri, GraphNode>();
  const edges: GraphEdge[] = [];
  const link = (from: Iri, type: GraphEdge['type'], target: GraphNode) => {
    if (!referenced.has(target.iri) && target.iri !== d.id) referenced.set(target.iri, target);
    edges.push({ from, type, to: target.iri });
  };

  link(d.id, 'inDomain', node(domainIri(d.domain), 'Domain', d.domain, false));
  link(d.id, 'ownedBy', node(teamIri(d.owner.team), 'Team', d.owner.team, false));
  for (const port of d.outputPorts ?? []) {
    const iri = portIri(d.id, port.name);
    owned.push(node(iri, 'OutputPort', port.name, false));
    edges.push({ from: d.id, type: 'hasOutputPort', to: iri });
    for (const ds of port.lineage ?? []) {
      link(iri, 'exposesDataset', node(datasetIri(ds.namespace, ds.name), 'Dataset', `${ds.namespace}/${ds.name}`, true));
    }
  }
  for (const input of d.inputPorts ?? []) {
    if ('product' in input) {
      const upstream = productOf(input.product);
      if (upstream !== d.id) link(d.id, 'consumes', node(upstream, 'DataProduct', upstream, true));
    } else {
      const ds = input.lineage;
      link(d.id, 'readsDataset', node(datasetIri(ds.namespace, ds.name), 'Dataset', `${ds.namespace}/${ds.name}`, true));
    }
  }
  const concepts = semantics?.concepts ?? (d.concepts ?? []).map((iri) => ({ iri, label: conceptLabel(iri), defined: false }));
  for (const c of concepts) link(d.id, 'about', node(c.iri, 'Concept', c.label, !c.defined));
  for (const { from, to } of semantics?.equivalences ?? []) {
    const ends = [from, to].map((iri) => referenced.get(iri) ?? node(iri, 'Concept', conceptLabel(iri), true));
    // An IRI already in the graph as something else (a product, a port) is not a concept to equate.
    if (from === to || ends.some((n) => n.kind !== 'Concept' || owned.some((o) => o.iri === n.iri))) continue;
    for (const n of ends) if (!referenced.has(n.iri)) referenced.set(n.iri, n);
    edges.push({ from, type: 'sameAs', to });
  }
  return { owned, referenced: [...referenced.values()], edges: dedupe(edges) };
}

/** The concept IRIs a descriptor claims outside its model: `concepts`, then field `concept`s, each once. */
export function claimedConcepts(d: Descriptor): Iri[] {
  const fields = (d.outputPorts ?? []).flatMap((p) => p.fields ?? []);
  return [...new Set([...(d.concepts ?? []), ...fields.flatMap((f) => (f.concept ? [f.concept] : []))])];
}

/** A readable label for a concept IRI until the semantic layer supplies one: its last segment. */
export function conceptLabel(iri: Iri): string {
  const tail = iri.split(/[#/:]/).filter(Boolean).at(-1) ?? iri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail; // a stray % is not worth failing a registration or a reindex over
  }
}

function dedupe(edges: GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\u0000${e.type}\u0000${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
