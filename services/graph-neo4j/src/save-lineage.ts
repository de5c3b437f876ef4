import { foldRunEvent, type LineageRecord, type LineageSaveResult, recordDatasets, type RunSummary, type RunSummaryColumns, type StoredFacets, summaryFromColumns } from '@quanta/core';
import type { ManagedTransaction } from 'neo4j-driver';
import * as q from './lineage-queries.js';
import { LineagePlan, type LineageWrites, type RunEvent, type StoredLineage } from './lineage-plan.js';
import * as pq from './queries.js';
import { writeEdges } from './write-edges.js';

interface RunRecord {
  [key: string]: unknown;
  runId: string;
  job: string;
  /** lastType and lastEventAt are null on a run stored before summaries existed. */
  summary: { [K in keyof Omit<RunSummaryColumns, 'state'>]: RunSummaryColumns[K] | null };
  /** Only for a run stored before summaries existed. */
  events: RunEvent[];
}

interface FacetsRecord {
  [key: string]: unknown;
  iri: string;
  facets: string;
  updatedAt: string;
}

/**
 * Saves lineage records as a transaction function for `session.executeWrite` (one transaction
 * per call; the driver may rerun it from the start after a transient error, so it keeps no state
 * outside). Neo4j reads are read-committed, so before reading anything the save write-locks every
 * run (its `:Run` node) and then every job and dataset (its `:Node`) its records name, each set in
 * sorted order: two saves of one run, or of one dataset's facets, serialize and neither loses the
 * other's update, and one fixed lock order keeps deadlocks rare (the driver retries the rest).
 * The records are then applied in memory (`LineagePlan`) and written in one UNWIND statement per
 * kind of change.
 */
export async function saveLineage(tx: ManagedTransaction, records: readonly LineageRecord[]): Promise<LineageSaveResult[]> {
  const runIds = sortedSet(records.flatMap((r) => (r.run ? [r.run.runId] : [])));
  const iris = sortedSet(records.flatMap((r) => [...(r.job ? [r.job.iri] : []), ...recordDatasets(r).map((d) => d.iri)]));
  const plan = new LineagePlan(await lockAndRead(tx, runIds, iris, sortedSet(records.map((r) => r.key))));
  const results = records.map((r) => plan.apply(r));
  // Every change comes from a stored record: a call of duplicates and refusals writes nothing.
  if (results.some((r) => r.ok && r.outcome === 'stored')) await writeAll(tx, plan.writes());
  // Last: the writes above fill in every placeholder a stored record needed; the rest were only locks.
  if (results.some((r) => !r.ok)) await tx.run(q.CLEAR_LINEAGE_LOCK_RESIDUE, { iris, runIds });
  return results;
}

/**
 * Takes the locks and reads what the records need, pipelined on the transaction's connection:
 * the statements run in order, so every read comes after every lock. An event key needs no lock
 * of its own: a run event's key holds its run id, a static event's its subject, both locked.
 */
async function lockAndRead(tx: ManagedTransaction, runIds: readonly string[], iris: readonly string[], keys: readonly string[]): Promise<StoredLineage> {
  const [runs, facets, hashes] = await Promise.all([
    tx.run<RunRecord>(q.LOCK_AND_READ_RUNS, { runIds }),
    tx.run<FacetsRecord>(q.LOCK_AND_READ_FACETS, { iris }),
    tx.run<{ key: string; hash: string }>(q.EVENT_HASHES, { keys }),
  ]);
  return {
    runs: new Map(runs.records.map((r) => [r.get('runId'), { job: r.get('job'), summary: summaryOf(r.toObject()) }] as const)),
    facets: new Map(
      facets.records.map((r) => [r.get('iri'), { facets: JSON.parse(r.get('facets')) as StoredFacets, updatedAt: r.get('updatedAt') }] as const),
    ),
    hashes: new Map(hashes.records.map((r) => [r.get('key'), r.get('hash')] as const)),
  };
}

/**
 * Every change, one statement per kind, pipelined in an order that has each edge's end nodes
 * written before it and each facet owner's old edges deleted before its new ones.
 */
async function writeAll(tx: ManagedTransaction, w: LineageWrites): Promise<void> {
  const stored = w.facetOwners.length > 0 ? (await tx.run<{ iri: string }>(q.OWNED_EDGE_ENDS, { owners: w.facetOwners })).records.map((r) => r.get('iri')) : [];
  // The orphan candidates: the ends of the edges about to be replaced, stored or given earlier in this call.
  const ends = [...new Set([...stored, ...w.replacedEnds])].sort();
  await Promise.all([
    tx.run(q.CREATE_EVENTS, { events: w.events }),
    tx.run(q.WRITE_LINEAGE_NODES, { nodes: w.nodes }),
    tx.run(q.WRITE_FACETS, { facets: w.facets }),
    // A facet's edges are owned as a product's are, by its owner key (`<dataset>#schema`).
    tx.run(pq.DELETE_OWNED_EDGES, { iris: w.facetOwners }),
    writeEdges(tx, w.facetEdges),
    tx.run(q.MERGE_USES, { uses: w.uses }),
    tx.run(q.MERGE_RUN_OF, { runs: w.runOf }),
    tx.run(q.WRITE_RUNS, { runs: w.runs }),
    // Last, once the new facet edges stand: what only the old values named goes (ADR 0009).
    ...(ends.length > 0 ? [tx.run(q.DROP_ORPHANS, { iris: ends })] : []),
  ]);
}

/** A run's stored summary; one stored before summaries existed is folded from its events once. */
function summaryOf(run: RunRecord): RunSummary {
  const s = run.summary;
  if (s.lastType === null || s.lastEventAt === null) {
    const summary = run.events.reduce<RunSummary | undefined>(foldRunEvent, undefined);
    if (!summary) throw new Error(`run ${run.runId} has neither a summary nor events`);
    return summary;
  }
  return summaryFromColumns({ ...s, lastType: s.lastType, lastEventAt: s.lastEventAt });
}

function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
