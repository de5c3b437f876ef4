import type { GraphEdge, LineageNode, LineageView, ProductLineage, RunEventType } from '@quanta/core';
import { lineageIdentity } from '@quanta/model';
import { formatNodeId } from '@quanta/openlineage';

/** The Marquez node id of a dataset or job IRI (`dataset:<namespace>:<name>`, `job:…`). */
function nodeId(iri: string): string {
  const id = lineageIdentity(iri);
  if (!id) return iri;
  return id.kind === 'DatasetField'
    ? formatNodeId({ kind: 'datasetField', namespace: id.namespace, dataset: id.name, field: id.field })
    : formatNodeId({ kind: id.kind === 'Job' ? 'job' : 'dataset', namespace: id.namespace, name: id.name });
}

const facetValue = (n: LineageNode, facet: string, key: string): unknown => (n.facets[facet] as Record<string, unknown> | undefined)?.[key];
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const identityOf = (iri: string) => {
  const id = lineageIdentity(iri);
  return { namespace: id?.namespace ?? '', name: id?.name ?? iri };
};

/** Marquez's Dataset, plus `exposedBy`: the product ports that publish it. */
function datasetData(n: LineageNode) {
  const fields = facetValue(n, 'schema', 'fields');
  return {
    id: { namespace: n.namespace, name: n.name },
    type: 'DB_TABLE',
    name: n.name,
    physicalName: n.name,
    namespace: n.namespace,
    sourceName: n.namespace,
    fields: (Array.isArray(fields) ? fields : []).map((f: { name?: unknown; type?: unknown; description?: unknown }) => ({
      name: f.name,
      type: text(f.type),
      tags: [],
      description: text(f.description),
    })),
    tags: [],
    description: text(facetValue(n, 'documentation', 'description')),
    // Marquez reads it from the same facet (CREATE, ALTER, DROP, OVERWRITE, RENAME, TRUNCATE).
    lastLifecycleState: text(facetValue(n, 'lifecycleStateChange', 'lifecycleStateChange')),
    facets: n.facets,
    updatedAt: n.updatedAt ?? null,
    exposedBy: n.exposedBy ?? [],
  };
}

/** Marquez's RunState values (its OpenAPI `IncompleteRun.state`). */
export type MarquezRunState = 'NEW' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ABORTED';

/**
 * Marquez names run states after the fact (COMPLETED), OpenLineage after the event (COMPLETE).
 * Marquez's ingest (`OpenLineageDao.getRunState`, 0.51) maps every other event type, OTHER and a
 * missing one included, to RUNNING: a run of OTHER events only is RUNNING there, not NEW, which
 * Marquez keeps for runs created through its own run API (Quanta has none).
 */
const MARQUEZ_RUN_STATE: Readonly<Record<RunEventType, MarquezRunState>> = {
  START: 'RUNNING',
  RUNNING: 'RUNNING',
  OTHER: 'RUNNING',
  COMPLETE: 'COMPLETED',
  ABORT: 'ABORTED',
  FAIL: 'FAILED',
};

/** A run's state in Marquez's words (RUNNING, COMPLETED, FAILED, ABORTED; see {@link MARQUEZ_RUN_STATE}). */
export function marquezRunState(run: { readonly state: RunEventType }): MarquezRunState {
  return MARQUEZ_RUN_STATE[run.state];
}

/** Marquez's `durationMs`: from start to end when both are known (its RunMapper), else null. */
function durationMs(run: { readonly startedAt?: string; readonly endedAt?: string }): number | null {
  if (run.startedAt === undefined || run.endedAt === undefined) return null;
  return Date.parse(run.endedAt) - Date.parse(run.startedAt);
}

/** Marquez's job types are BATCH, STREAM and SERVICE; OpenLineage's jobType facet says BATCH or STREAMING. */
function marquezJobType(n: LineageNode): string {
  return text(facetValue(n, 'jobType', 'processingType'))?.toUpperCase() === 'STREAMING' ? 'STREAM' : 'BATCH';
}

/** Marquez's Job. */
function jobData(n: LineageNode) {
  return {
    id: { namespace: n.namespace, name: n.name },
    type: marquezJobType(n),
    name: n.name,
    simpleName: n.name,
    namespace: n.namespace,
    inputs: (n.inputs ?? []).map((u) => identityOf(u.dataset)),
    outputs: (n.outputs ?? []).map((u) => identityOf(u.dataset)),
    location: text(facetValue(n, 'sourceCodeLocation', 'url')),
    description: text(facetValue(n, 'documentation', 'description')),
    latestRun: n.latestRun
      ? {
          id: n.latestRun.runId,
          state: marquezRunState(n.latestRun),
          startedAt: n.latestRun.startedAt ?? null,
          endedAt: n.latestRun.endedAt ?? null,
          durationMs: durationMs(n.latestRun),
        }
      : null,
    facets: n.facets,
    updatedAt: n.updatedAt ?? null,
  };
}

/** Marquez draws reads as dataset → job and writes as job → dataset. */
function marquezEdge(e: GraphEdge): { origin: string; destination: string } {
  return e.type === 'reads' ? { origin: nodeId(e.to), destination: nodeId(e.from) } : { origin: nodeId(e.from), destination: nodeId(e.to) };
}

/** The lineage around a node in Marquez's shape (`GET /api/v1/lineage`), plus `truncated`. */
export function marquezLineage(view: LineageView) {
  const into = new Map<string, { origin: string; destination: string }[]>();
  const outOf = new Map<string, { origin: string; destination: string }[]>();
  const push = (map: typeof into, key: string, e: { origin: string; destination: string }) => map.set(key, [...(map.get(key) ?? []), e]);
  for (const e of view.edges.map(marquezEdge)) {
    push(into, e.destination, e);
    push(outOf, e.origin, e);
  }
  return {
    graph: view.nodes.map((n) => {
      const id = nodeId(n.iri);
      return {
        id,
        type: n.kind === 'Job' ? 'JOB' : 'DATASET',
        data: n.kind === 'Job' ? jobData(n) : datasetData(n),
        inEdges: into.get(id) ?? [],
        outEdges: outOf.get(id) ?? [],
      };
    }),
    truncated: view.truncated,
  };
}

/** Product lineage (`GET /api/v1/products/{iri}/lineage`). */
export function productLineageView(lineage: ProductLineage, direction: string, depth: number) {
  return {
    product: lineage.product,
    direction,
    depth,
    products: lineage.nodes.map((n) => ({ iri: n.iri, label: n.label, registered: !n.stub })),
    links: lineage.links.map((l) => ({ ...l, ...(l.job && { job: nodeId(l.job) }), ...(l.dataset && { dataset: nodeId(l.dataset) }) })),
    truncated: lineage.truncated,
  };
}
