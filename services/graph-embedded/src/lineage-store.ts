import type Database from 'better-sqlite3';
import {
  currentFacets,
  facetGraph,
  foldRunEvent,
  GRAPH_FACETS,
  type LineageConsumer,
  type LineageDataset,
  type LineageNode,
  type LineageRecord,
  type LineageSaveResult,
  mergeFacets,
  owningTeam,
  type ProductLink,
  isAfterEnd,
  recordDatasets,
  type RunEventType,
  type RunInfo,
  type RunSummary,
  runEventKeyPrefix,
  runState,
  type StoredFacets,
  summaryColumns,
  summaryFromColumns,
  summaryRun,
} from '@quanta/core';
import { ConflictError, type Iri, lineageIdentity, runIri, teamIri } from '@quanta/model';
import { GroupCommit } from './group-commit.js';
import { type LineageStatements, prepareLineageStatements, type RunRow, type UseRow } from './lineage-statements.js';
import type { NodeRow } from './rows.js';
import type { Statements } from './statements.js';
import type { Terms } from './terms.js';

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
    private readonly terms: Terms,
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
    const run = r.run && this.lst.run.get(r.run.iri);
    if (r.run && run && run.job !== r.job?.iri) {
      return { ok: false, error: new ConflictError(`run ${r.run.runId} belongs to another job (${lineageIdentity(run.job)?.name ?? run.job}), not ${r.job?.name}`) };
    }
    const event = r.run && { eventType: r.run.eventType, eventTime: r.eventTime };
    if (held) return { ok: true, outcome: 'duplicate', afterTerminal: !!run && !!event && isAfterEnd(summaryOf(run), event) };

    this.lst.insertEvent.run({
      key: r.key,
      hash: r.hash,
      kind: r.kind,
      runId: r.run?.runId ?? null,
      eventType: r.run?.eventType ?? null,
      eventTime: r.eventTime,
      event: JSON.stringify(r.event),
      receivedAt: r.receivedAt,
    });
    const id = this.terms.memo();
    const job = r.job && id(r.job.iri);
    if (r.job && job !== undefined) {
      this.st.insertReferencedNode.run({ id: job, kind: 'Job', label: r.job.name, stub: 0 });
      this.mergeFacets(job, r.job.facets, r);
    }
    const datasets = new Map(recordDatasets(r).map((d) => [d.iri, this.mergeDataset(d, r, id)]));
    if (job !== undefined) {
      for (const [role, list] of [['reads', r.inputs], ['writes', r.outputs]] as const) {
        for (const d of list) {
          const dataset = datasets.get(d.iri) as number;
          this.lst.upsertUse.run({ job, role, dataset, at: r.eventTime });
          this.st.insertEdge.run(job, role, dataset, job);
        }
      }
    }
    if (!r.run || !event || job === undefined) return { ok: true, outcome: 'stored', afterTerminal: false };
    const runId = run?.id ?? id(r.run.iri);
    if (!run) {
      this.st.insertReferencedNode.run({ id: runId, kind: 'Run', label: r.run.runId, stub: 0 });
      this.st.insertEdge.run(runId, 'runOf', job, runId);
    }
    const summary = foldRunEvent(run && summaryOf(run), event);
    this.lst.upsertRun.run({ id: runId, runId: r.run.runId, job, ...summaryColumns(summary) });
    return { ok: true, outcome: 'stored', afterTerminal: isAfterEnd(summary, event) };
  }

  /** Merges a dataset's node and facets, re-deriving the facet graphs whose value changed; returns its id. */
  private mergeDataset(d: LineageDataset, r: LineageRecord, term: (iri: string) => number): number {
    const id = term(d.iri);
    this.st.insertReferencedNode.run({ id, kind: 'Dataset', label: `${d.namespace}/${d.name}`, stub: 0 });
    const { facets, reshaped } = this.mergeFacets(id, d.facets, r);
    for (const name of reshaped.filter((c) => GRAPH_FACETS.includes(c))) {
      const graph = facetGraph(name, d, currentFacets(facets)[name]);
      const owner = term(graph.owner);
      const before = this.lst.ownedEdgeEnds.all({ owner });
      this.st.deleteOwnedEdges.run(owner);
      for (const n of graph.nodes) this.st.insertReferencedNode.run({ id: term(n.iri), kind: n.kind, label: n.label, stub: n.stub ? 1 : 0 });
      for (const e of graph.edges) this.st.insertEdge.run(term(e.from), e.type, term(e.to), owner);
      // What only the old value named goes with it, so the graph is the same whatever order the
      // values came in (new then old never creates what old then new would leave behind).
      for (const end of before) this.lst.dropOrphan.run({ id: end });
    }
    return id;
  }

  private mergeFacets(id: number, incoming: Readonly<Record<string, unknown>>, r: LineageRecord): ReturnType<typeof mergeFacets> {
    // Most mentions (a job's inputs, a job without facets) bring none: the stored ones stay
    // unread, and only when the node was last seen moves.
    if (Object.keys(incoming).length === 0) {
      this.lst.seenFacets.run(id, r.eventTime);
      return NO_FACETS;
    }
    const row = this.lst.facetsById.get(id);
    const merged = mergeFacets(row ? (JSON.parse(row.facets) as StoredFacets) : {}, incoming, r.eventTime, r.hash);
    if (merged.changed.length > 0) this.lst.upsertFacets.run(id, JSON.stringify(merged.facets), r.eventTime);
    else this.lst.seenFacets.run(id, r.eventTime);
    return merged;
  }

  /** A run with its events, its state recomputed from them (core's runState). */
  private runInfo(row: RunRow): RunInfo {
    const prefix = runEventKeyPrefix(row.run_id);
    // ';' follows ':' in code-point order: the range holds exactly the keys under the prefix.
    const events = this.lst.runEvents.all({ from: prefix, to: `${prefix.slice(0, -1)};` }).map((e) => ({ eventType: e.event_type as RunEventType, eventTime: e.event_time, receivedAt: e.received_at }));
    return runState(row.run_id, row.job, events);
  }

  async getRun(runId: string): Promise<RunInfo | undefined> {
    const row = this.lst.run.get(runIri(runId));
    return row && this.runInfo(row);
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
    const written = this.lst.productsWrittenBy.get({ job, product });
    if (written) return { consumer: written.product, kind: 'DataProduct' };
    const row = this.lst.facets.get(job);
    const team = row && owningTeam(currentFacets(JSON.parse(row.facets) as StoredFacets).ownership);
    return team ? { consumer: teamIri(team), kind: 'Team' } : { consumer: job, kind: 'Job' };
  }
}

const NO_FACETS = { facets: {}, changed: [], reshaped: [] } as const;

const toUse = (u: UseRow) => ({ dataset: u.dataset, firstSeen: u.first_seen, lastSeen: u.last_seen });

/** The RunSummary a `runs` row holds. */
const summaryOf = (row: RunRow): RunSummary =>
  summaryFromColumns({
    startedAt: row.started_at,
    endType: row.end_type as RunEventType | null,
    endedAt: row.ended_at,
    lastType: row.last_type as RunEventType,
    lastEventAt: row.last_event_at,
  });

const toRun = (row: RunRow): Omit<RunInfo, 'events'> => summaryRun(row.run_id, row.job, summaryOf(row));
