import {
  currentFacets,
  facetGraph,
  foldRunEvent,
  GRAPH_FACETS,
  type GraphEdge,
  type GraphNode,
  isAfterEnd,
  type LineageDataset,
  type LineageRecord,
  type LineageSaveResult,
  mergeFacets,
  recordDatasets,
  type RunEventType,
  type RunSummary,
  type StoredFacets,
  summaryColumns,
} from '@quanta/core';
import { ConflictError, type Iri, lineageIdentity } from '@quanta/model';

/** One event of a run, as stored. */
export interface RunEvent {
  readonly eventType: RunEventType;
  readonly eventTime: string;
  /** When it arrived; null for events stored before Quanta kept it. */
  readonly receivedAt?: string | null;
}

/** A node's facets as stored, and the latest eventTime that named the node. */
export interface StoredNodeFacets {
  readonly facets: StoredFacets;
  readonly updatedAt: string;
}

/** What a save read, under its locks, about the events, runs and nodes its records name. */
export interface StoredLineage {
  readonly hashes: ReadonlyMap<string, string>;
  /** Each run's job and summary (core's RunSummary, folded by foldRunEvent). */
  readonly runs: ReadonlyMap<string, { readonly job: Iri; readonly summary: RunSummary }>;
  readonly facets: ReadonlyMap<Iri, StoredNodeFacets>;
}

interface Use {
  readonly job: Iri;
  readonly type: 'reads' | 'writes';
  readonly dataset: Iri;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/**
 * Applies a save's records one after another, in memory, to the state read under the save's
 * locks, with the rules of the embedded graph's per-record savepoints: each record sees the ones
 * before it (a duplicate inside one call, a run claimed by an earlier record). Every merge rule is
 * core's (foldRunEvent, mergeFacets, facetGraph). What to write comes out as one list per kind of
 * change, so the whole call is a handful of UNWIND statements however many records it holds.
 */
export class LineagePlan {
  private readonly hashes: Map<string, string>;
  private readonly runs: Map<string, { job: Iri; summary: RunSummary }>;
  private readonly facets: Map<Iri, StoredNodeFacets>;
  private readonly events: Record<string, string | null>[] = [];
  private readonly nodes = new Map<Iri, GraphNode>();
  private readonly changedFacets = new Set<Iri>();
  /** The edges of each graph-shaping facet that changed: only the last value in the call counts. */
  private readonly facetEdges = new Map<string, readonly GraphEdge[]>();
  /** The ends of facet edges an earlier record of this call gave and a later one replaced. */
  private readonly replacedEnds = new Set<Iri>();
  /** The nodes facet values of this call named: fields and stubs, which a concurrent save may drop as orphans. */
  private readonly facetNodes = new Set<Iri>();
  private readonly uses = new Map<string, Use>();
  private readonly runOf = new Map<Iri, Iri>();
  private readonly changedRuns = new Set<string>();

  constructor(stored: StoredLineage) {
    this.hashes = new Map(stored.hashes);
    this.runs = new Map(stored.runs);
    this.facets = new Map(stored.facets);
  }

  /** Applies one record: refused (a ConflictError), a duplicate, or stored. */
  apply(r: LineageRecord): LineageSaveResult {
    const held = this.hashes.get(r.key);
    if (held !== undefined && held !== r.hash) {
      return refused(`an event with the same ${r.run ? '(runId, eventType, eventTime)' : 'subject and eventTime'} is stored with other content: ${r.key}`);
    }
    const run = r.run && this.runs.get(r.run.runId);
    if (r.run && run && run.job !== r.job?.iri) {
      return refused(`run ${r.run.runId} belongs to another job (${lineageIdentity(run.job)?.name ?? run.job}), not ${r.job?.name}`);
    }
    if (held !== undefined) {
      const afterTerminal = run && r.run ? isAfterEnd(run.summary, { eventType: r.run.eventType, eventTime: r.eventTime }) : false;
      return { ok: true, outcome: 'duplicate', afterTerminal };
    }
    return this.store(r);
  }

  private store(r: LineageRecord): LineageSaveResult {
    this.hashes.set(r.key, r.hash);
    const { key, hash, kind, eventTime, receivedAt } = r;
    this.events.push({ key, hash, kind, runId: r.run?.runId ?? null, eventType: r.run?.eventType ?? null, eventTime, event: JSON.stringify(r.event), receivedAt });
    if (r.job) {
      this.mention({ iri: r.job.iri, kind: 'Job', label: r.job.name, stub: false });
      this.mergeFacets(r.job.iri, r.job.facets, r);
    }
    for (const d of recordDatasets(r)) this.mergeDataset(d, r);
    if (r.job) {
      for (const d of r.inputs) this.use(r.job.iri, 'reads', d.iri, eventTime);
      for (const d of r.outputs) this.use(r.job.iri, 'writes', d.iri, eventTime);
    }
    if (!r.run || !r.job) return { ok: true, outcome: 'stored', afterTerminal: false };

    const { runId, eventType } = r.run;
    this.mention({ iri: r.run.iri, kind: 'Run', label: runId, stub: false });
    this.runOf.set(r.run.iri, r.job.iri);
    // Folded in O(1); the fold is commutative, so the state never depends on arrival order.
    const summary = foldRunEvent(this.runs.get(runId)?.summary, { eventType, eventTime });
    this.runs.set(runId, { job: r.job.iri, summary });
    this.changedRuns.add(runId);
    return { ok: true, outcome: 'stored', afterTerminal: isAfterEnd(summary, { eventType, eventTime }) };
  }

  private mergeDataset(d: LineageDataset, r: LineageRecord): void {
    this.mention({ iri: d.iri, kind: 'Dataset', label: `${d.namespace}/${d.name}`, stub: false });
    const { facets, reshaped } = this.mergeFacets(d.iri, d.facets, r);
    // Re-sent with the same value (a job re-running), a facet's graph stays as it is.
    for (const name of reshaped.filter((c) => GRAPH_FACETS.includes(c))) {
      const graph = facetGraph(name, d, currentFacets(facets)[name]);
      // Only the last value of the call is written, but the nodes the earlier ones named are (the
      // mentions below): they are orphan candidates just as the ends of stored edges are, or an
      // old and a new value in one call would leave what two calls do not.
      for (const e of this.facetEdges.get(graph.owner) ?? []) this.replacedEnds.add(e.from).add(e.to);
      this.facetEdges.set(graph.owner, graph.edges);
      for (const n of graph.nodes) {
        this.mention(n);
        this.facetNodes.add(n.iri);
      }
    }
  }

  private mergeFacets(iri: Iri, incoming: Readonly<Record<string, unknown>>, r: LineageRecord) {
    const held = this.facets.get(iri);
    const merged = mergeFacets(held?.facets ?? {}, incoming, r.eventTime, r.hash);
    const updatedAt = held && held.updatedAt > r.eventTime ? held.updatedAt : r.eventTime;
    if (!held || merged.changed.length > 0 || updatedAt !== held.updatedAt) {
      this.facets.set(iri, { facets: merged.facets, updatedAt });
      this.changedFacets.add(iri);
    }
    return merged;
  }

  /**
   * Nodes are created when missing and a non-stub fills in a stub of its kind, so of all the
   * mentions of one IRI in a call only the first non-stub one (else the first) can matter.
   */
  private mention(node: GraphNode): void {
    const held = this.nodes.get(node.iri);
    if (!held || (held.stub && !node.stub && held.kind === node.kind)) this.nodes.set(node.iri, node);
  }

  private use(job: Iri, type: Use['type'], dataset: Iri, at: string): void {
    const key = `${job}\n${type}\n${dataset}`;
    const held = this.uses.get(key);
    const firstSeen = held && held.firstSeen < at ? held.firstSeen : at;
    const lastSeen = held && held.lastSeen > at ? held.lastSeen : at;
    this.uses.set(key, { job, type, dataset, firstSeen, lastSeen });
  }

  /** The parameters of each write statement (see `lineage-queries.ts`), for the records applied so far. */
  writes() {
    const byIri = (a: { iri: string }, b: { iri: string }) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0);
    const distinct = (edges: readonly GraphEdge[]) => [...new Map(edges.map((e) => [`${e.from}\n${e.type}\n${e.to}`, e])).values()];
    return {
      events: this.events,
      // In IRI order: the order every save takes node locks in.
      nodes: [...this.nodes.values()].sort(byIri).map(({ iri, kind, label, stub }) => ({ iri, kind, label, stub, lock: this.facetNodes.has(iri) })),
      facets: [...this.changedFacets].sort().map((iri) => {
        const held = this.facets.get(iri) as StoredNodeFacets;
        return { iri, facets: JSON.stringify(held.facets), updatedAt: held.updatedAt };
      }),
      facetOwners: [...this.facetEdges.keys()],
      replacedEnds: [...this.replacedEnds],
      facetEdges: [...this.facetEdges].flatMap(([owner, edges]) => distinct(edges).map(({ from, type, to }) => ({ from, type, to, owner }))),
      uses: [...this.uses.values()],
      runOf: [...this.runOf].map(([run, job]) => ({ run, job })),
      runs: [...this.changedRuns].map((runId) => {
        const { job, summary } = this.runs.get(runId) as { job: Iri; summary: RunSummary };
        return { runId, job, ...summaryColumns(summary) };
      }),
    };
  }
}

/** The write parameters of a plan. */
export type LineageWrites = ReturnType<LineagePlan['writes']>;

function refused(message: string): LineageSaveResult {
  return { ok: false, error: new ConflictError(message) };
}
