import type Database from 'better-sqlite3';
import {
  cameAfterEnd,
  currentFacets,
  facetGraph,
  GRAPH_FACETS,
  type LineageConsumer,
  type LineageDataset,
  type LineageNode,
  type LineageRecord,
  type LineageSaveResult,
  mergeFacets,
  owningTeam,
  type ProductLink,
  recordDatasets,
  type RunEventType,
  type RunInfo,
  runState,
  type StoredFacets,
} from '@quanta/core';
import { ConflictError, type Iri, lineageIdentity, teamIri } from '@quanta/model';
import { GroupCommit } from './group-commit.js';
import { type LineageStatements, prepareLineageStatements, type RunRow, type UseRow } from './lineage-statements.js';
import type { NodeRow } from './rows.js';
import type { Statements } from './statements.js';

/**
 * The lineage half of the embedded graph (ADR 0008). Events are stored and merged in one
 * transaction per group of requests (group commit, as for registrations), each record in its own
 * savepoint. Every merge rule comes from core (runState, mergeFacets, facetGraph), so the result
 * is a function of the set of events, whatever order they arrive in.
 */
export class SqliteLineageStore {
  private readonly lst: LineageStatements;
  private readonly saves: GroupCommit<readonly LineageRecord[], readonly LineageSaveResult[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly st: Statements,
  ) {
    this.lst = prepareLineageStatements(db);
    this.saves = new GroupCommit<readonly LineageRecord[], readonly LineageSaveResult[]>((batches) =>
      this.db.transaction(() =>
        batches.map((records) => {
          try {
            // The request's records share a savepoint, so a fault in one undoes the request's
            // others too (as Neo4j's one transaction does); a refusal is a result, not a fault.
            return { ok: true as const, value: this.db.transaction(() => records.map((r) => this.db.transaction(() => this.saveRecord(r))()))() };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      )(),
    );
  }

  save(records: readonly LineageRecord[]): Promise<readonly LineageSaveResult[]> {
    return this.saves.submit(records);
  }

  private saveRecord(r: LineageRecord): LineageSaveResult {
    const held = this.lst.eventHash.get(r.key);
    if (held && held.hash !== r.hash) {
      return { ok: false, error: new ConflictError(`an event with the same ${r.run ? '(runId, eventType, eventTime)' : 'subject and eventTime'} is stored with other content: ${r.key}`) };
    }
    const run = r.run && this.lst.run.get(r.run.runId);
    if (r.run && run && run.job !== r.job?.iri) {
      return { ok: false, error: new ConflictError(`run ${r.run.runId} belongs to another job (${lineageIdentity(run.job)?.name ?? run.job}), not ${r.job?.name}`) };
    }
    if (held) return { ok: true, outcome: 'duplicate', afterTerminal: this.afterTerminal(r) };

    this.lst.insertEvent.run({
      key: r.key,
      hash: r.hash,
      kind: r.kind,
      runId: r.run?.runId ?? null,
      eventType: r.run?.eventType ?? null,
      eventTime: r.eventTime,
      event: JSON.stringify(r.event),
    });
    if (r.job) {
      this.st.insertReferencedNode.run({ iri: r.job.iri, kind: 'Job', label: r.job.name, stub: 0 });
      this.mergeFacets(r.job.iri, r.job.facets, r);
    }
    for (const d of recordDatasets(r)) this.mergeDataset(d, r);
    if (r.job) {
      for (const [role, datasets] of [['reads', r.inputs], ['writes', r.outputs]] as const) {
        for (const d of datasets) {
          this.lst.upsertUse.run({ job: r.job.iri, role, dataset: d.iri, at: r.eventTime });
          this.st.insertEdge.run(r.job.iri, role, d.iri, r.job.iri);
        }
      }
    }
    if (!r.run || !r.job) return { ok: true, outcome: 'stored', afterTerminal: false };
    this.st.insertReferencedNode.run({ iri: r.run.iri, kind: 'Run', label: r.run.runId, stub: 0 });
    this.st.insertEdge.run(r.run.iri, 'runOf', r.job.iri, r.run.iri);
    const state = this.updateRun(r.run.runId, r.job.iri);
    return { ok: true, outcome: 'stored', afterTerminal: cameAfterEnd(state, r.run.eventType, r.eventTime) };
  }

  private mergeDataset(d: LineageDataset, r: LineageRecord): void {
    this.st.insertReferencedNode.run({ iri: d.iri, kind: 'Dataset', label: `${d.namespace}/${d.name}`, stub: 0 });
    const { facets, changed } = this.mergeFacets(d.iri, d.facets, r);
    for (const name of changed.filter((c) => GRAPH_FACETS.includes(c))) {
      const graph = facetGraph(name, d, currentFacets(facets)[name]);
      this.st.deleteOwnedEdges.run(graph.owner);
      for (const n of graph.nodes) this.st.insertReferencedNode.run({ iri: n.iri, kind: n.kind, label: n.label, stub: n.stub ? 1 : 0 });
      for (const e of graph.edges) this.st.insertEdge.run(e.from, e.type, e.to, graph.owner);
    }
  }

  private mergeFacets(iri: Iri, incoming: Readonly<Record<string, unknown>>, r: LineageRecord) {
    const row = this.lst.facets.get(iri);
    const merged = mergeFacets(row ? (JSON.parse(row.facets) as StoredFacets) : {}, incoming, r.eventTime, r.hash);
    if (merged.changed.length > 0 || !row) this.lst.upsertFacets.run(iri, JSON.stringify(merged.facets), r.eventTime);
    else if (r.eventTime > row.updated_at) this.lst.upsertFacets.run(iri, row.facets, r.eventTime);
    return merged;
  }

  /** Recomputes a run's state from all its events (core's runState) and stores it. */
  private updateRun(runId: string, job: Iri): RunInfo {
    const info = this.runInfo(runId, job);
    this.lst.upsertRun.run({
      runId,
      job,
      state: info.state,
      startedAt: info.startedAt ?? null,
      endedAt: info.endedAt ?? null,
      lastEventAt: info.events.at(-1)?.eventTime,
    });
    return info;
  }

  private runInfo(runId: string, job: Iri): RunInfo {
    const events = this.lst.runEvents.all(runId).map((e) => ({ eventType: e.event_type as RunEventType, eventTime: e.event_time }));
    return runState(runId, job, events);
  }

  private afterTerminal(r: LineageRecord): boolean {
    const run = r.run && this.lst.run.get(r.run.runId);
    return run && r.run ? cameAfterEnd(this.runInfo(run.run_id, run.job), r.run.eventType, r.eventTime) : false;
  }

  async getRun(runId: string): Promise<RunInfo | undefined> {
    const row = this.lst.run.get(runId.toLowerCase());
    return row && this.runInfo(row.run_id, row.job);
  }

  async nodes(iris: readonly Iri[]): Promise<readonly LineageNode[]> {
    const found: LineageNode[] = [];
    for (const iri of iris) {
      const node = this.st.node.get(iri) as NodeRow | undefined;
      const identity = lineageIdentity(iri);
      if (!node || !identity || identity.kind === 'DatasetField' || node.kind !== identity.kind) continue;
      const row = this.lst.facets.get(iri);
      const base = {
        iri,
        kind: identity.kind,
        namespace: identity.namespace,
        name: identity.name,
        facets: row ? currentFacets(JSON.parse(row.facets) as StoredFacets) : {},
        ...(row && { updatedAt: row.updated_at }),
      };
      if (identity.kind === 'Dataset') {
        found.push({ ...base, exposedBy: this.lst.exposedBy.all(iri) });
        continue;
      }
      const uses = this.lst.usesOfJob.all(iri);
      const latest = this.lst.latestRun.get(iri);
      found.push({
        ...base,
        inputs: uses.filter((u) => u.role === 'reads').map(toUse),
        outputs: uses.filter((u) => u.role === 'writes').map(toUse),
        ...(latest && { latestRun: toRun(latest) }),
      });
    }
    return found;
  }

  async productLinks(products: readonly Iri[], direction: 'upstream' | 'downstream'): Promise<readonly ProductLink[]> {
    if (products.length === 0) return [];
    return this.lst.links[direction].all({ products: JSON.stringify(products) }).map((row) => ({
      from: row.from,
      to: row.to,
      via: row.via,
      ...(row.job !== null && { job: row.job }),
      ...(row.dataset !== null && { dataset: row.dataset }),
    }));
  }

  async consumers(product: Iri): Promise<readonly LineageConsumer[]> {
    const byJob = new Map<string, LineageConsumer>();
    for (const use of this.lst.readersOfProduct.all(product)) {
      const held = byJob.get(use.job);
      if (held && held.lastUsedAt >= use.last_seen) continue;
      byJob.set(use.job, { ...this.consumerOf(use.job, product), job: use.job, dataset: use.dataset, lastUsedAt: use.last_seen });
    }
    return [...byJob.values()];
  }

  /** Whom a job's reads count for: the product it writes, else its owning team, else itself. */
  private consumerOf(job: Iri, product: Iri): Pick<LineageConsumer, 'consumer' | 'kind'> {
    const written = this.lst.productsWrittenBy.get(job, product);
    if (written) return { consumer: written.product, kind: 'DataProduct' };
    const row = this.lst.facets.get(job);
    const team = row && owningTeam(currentFacets(JSON.parse(row.facets) as StoredFacets).ownership);
    return team ? { consumer: teamIri(team), kind: 'Team' } : { consumer: job, kind: 'Job' };
  }
}

const toUse = (u: UseRow) => ({ dataset: u.dataset, firstSeen: u.first_seen, lastSeen: u.last_seen });

function toRun(row: RunRow): Omit<RunInfo, 'events'> {
  return {
    runId: row.run_id,
    job: row.job,
    state: row.state as RunEventType,
    ...(row.started_at !== null && { startedAt: row.started_at }),
    ...(row.ended_at !== null && { endedAt: row.ended_at }),
  };
}
