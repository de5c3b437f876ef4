import { type Iri, datasetFieldIri, datasetIri } from '@quanta/model';
import type { GraphEdge, GraphNode } from '../ports/knowledge-graph.js';

/** Nodes and edges derived from one facet of one dataset; a newer facet replaces the edges whole. */
export interface FacetGraph {
  /** Who owns the edges, e.g. `<dataset>#schema`: the adapter replaces this owner's edges. */
  readonly owner: string;
  /** Field nodes (and datasets named by column lineage, as stubs): created when missing. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** A dataset's identity. */
export interface DatasetIdentity {
  readonly iri: Iri;
  readonly namespace: string;
  readonly name: string;
}

/** The facets whose value shapes the graph; a change to any other facet changes no edge. */
export const GRAPH_FACETS: readonly string[] = ['schema', 'columnLineage'];

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) && (v as { _deleted?: unknown })._deleted !== true ? (v as Record<string, unknown>) : undefined;

const fieldNode = (namespace: string, name: string, field: string): GraphNode => ({
  iri: datasetFieldIri(namespace, name, field),
  kind: 'DatasetField',
  label: field,
  stub: false,
});

/**
 * The `schema` facet as DatasetField nodes with `hasField` edges. Nested fields (records, structs)
 * are flattened to dotted names (`address.city`), the way column lineage names them.
 */
export function schemaGraph(dataset: DatasetIdentity, facet: unknown): FacetGraph {
  const nodes: GraphNode[] = [];
  const walk = (fields: unknown, prefix: string) => {
    if (!Array.isArray(fields)) return;
    for (const f of fields) {
      const name = asObject(f)?.name;
      if (typeof name !== 'string') continue;
      nodes.push(fieldNode(dataset.namespace, dataset.name, `${prefix}${name}`));
      walk(asObject(f)?.fields, `${prefix}${name}.`);
    }
  };
  walk(asObject(facet)?.fields, '');
  return { owner: `${dataset.iri}#schema`, nodes, edges: nodes.map((n) => ({ from: dataset.iri, type: 'hasField', to: n.iri })) };
}

/**
 * The `columnLineage` facet as `derivedFrom` edges from each output field to the input fields it
 * is computed from, with the fields (and their datasets, as stubs) it names.
 */
export function columnLineageGraph(dataset: DatasetIdentity, facet: unknown): FacetGraph {
  const nodes = new Map<Iri, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (edge: GraphEdge) => edges.set(`${edge.from} ${edge.type} ${edge.to}`, edge);
  for (const [field, spec] of Object.entries(asObject(asObject(facet)?.fields) ?? {})) {
    const out = fieldNode(dataset.namespace, dataset.name, field);
    nodes.set(out.iri, out);
    add({ from: dataset.iri, type: 'hasField', to: out.iri });
    const inputs = asObject(spec)?.inputFields;
    for (const input of Array.isArray(inputs) ? inputs : []) {
      const { namespace, name, field: from } = asObject(input) ?? {};
      if (typeof namespace !== 'string' || typeof name !== 'string' || typeof from !== 'string') continue;
      const source = fieldNode(namespace, name, from);
      const sourceDataset = datasetIri(namespace, name);
      nodes.set(source.iri, source);
      if (sourceDataset !== dataset.iri) nodes.set(sourceDataset, { iri: sourceDataset, kind: 'Dataset', label: `${namespace}/${name}`, stub: true });
      add({ from: sourceDataset, type: 'hasField', to: source.iri });
      add({ from: out.iri, type: 'derivedFrom', to: source.iri });
    }
  }
  return { owner: `${dataset.iri}#columnLineage`, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The graph of one graph-shaping facet (see {@link GRAPH_FACETS}). */
export function facetGraph(facetName: string, dataset: DatasetIdentity, facet: unknown): FacetGraph {
  return facetName === 'schema' ? schemaGraph(dataset, facet) : columnLineageGraph(dataset, facet);
}
