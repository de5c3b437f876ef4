import type { TimeSkew } from '../rules/event-time.js';
import type { ConflictError, Iri } from '@quanta/model';

/** OpenLineage run event types; COMPLETE, ABORT and FAIL end a run. */
export type RunEventType = 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';

/** A dataset an event names, with the facets it carries (dataset facets and input/output facets). */
export interface LineageDataset {
  readonly iri: Iri;
  readonly namespace: string;
  readonly name: string;
  /** Dataset facets by name, as sent; `{ _deleted: true }` removes a facet. */
  readonly facets: Readonly<Record<string, unknown>>;
}

/** A job an event names. */
export interface LineageJob {
  readonly iri: Iri;
  readonly namespace: string;
  readonly name: string;
  readonly facets: Readonly<Record<string, unknown>>;
}

/**
 * One validated OpenLineage event, as the graph stores it (built by `lineageRecord`). Storage is
 * idempotent on `key`: the same key with the same `hash` is a duplicate; with another hash, a
 * conflict.
 */
export interface LineageRecord {
  /** `run:<runId>:<eventType>:<eventTime>` for run events; `dataset:…`/`job:…` + eventTime for static ones. */
  readonly key: string;
  /** SHA-256 of the event with sorted keys. */
  readonly hash: string;
  readonly kind: 'run' | 'dataset' | 'job';
  /** The event time in UTC, nanosecond precision, fixed width: ISO strings that sort as instants. */
  readonly eventTime: string;
  /** Run events only. */
  readonly run?: { readonly runId: string; readonly iri: Iri; readonly eventType: RunEventType };
  /** Run and job events. */
  readonly job?: LineageJob;
  readonly inputs: readonly LineageDataset[];
  readonly outputs: readonly LineageDataset[];
  /** Dataset events only: the dataset they describe. */
  readonly dataset?: LineageDataset;
  /** The event as received (after validation), kept whole: unknown custom facets included. */
  readonly event: unknown;
  /** When Quanta received it (a duplicate keeps the first arrival's). */
  readonly receivedAt: string;
}

/** What became of one record: stored (perhaps after its run had ended), a duplicate, or refused. */
export type LineageSaveResult =
  | { readonly ok: true; readonly outcome: 'stored' | 'duplicate'; readonly afterTerminal: boolean }
  | { readonly ok: false; readonly error: ConflictError };

/** One event of a run, in eventTime order. */
export interface RunEventInfo {
  readonly eventType: RunEventType;
  readonly eventTime: string;
  /** The event came after the run had ended (by eventTime): stored, but it does not reopen the run. */
  readonly afterTerminal: boolean;
  /** When it arrived; unknown for events stored before Quanta kept it. */
  readonly receivedAt?: string;
  /** Its eventTime is implausibly far from its arrival (B7): stored and ordered by it, but flagged. */
  readonly timeSkew?: TimeSkew;
}

/** A run's state, derived from its events by eventTime (never by arrival order). */
export interface RunInfo {
  readonly runId: string;
  readonly job: Iri;
  /** The terminal state when the run has ended, else the latest event's type. */
  readonly state: RunEventType;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly events: readonly RunEventInfo[];
}

/** A job's link to a dataset it read or wrote, with when runs were seen doing it. */
export interface DatasetUse {
  readonly dataset: Iri;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** A dataset or job as lineage knows it: identity, current facets and, for a job, its inputs and outputs. */
export interface LineageNode {
  readonly iri: Iri;
  readonly kind: 'Dataset' | 'Job';
  readonly namespace: string;
  readonly name: string;
  /** The current facets: for each facet name, the value from the latest event by eventTime. */
  readonly facets: Readonly<Record<string, unknown>>;
  /** When an event last told anything about it; undefined for a dataset known only from a descriptor. */
  readonly updatedAt?: string;
  /** Jobs only. */
  readonly inputs?: readonly DatasetUse[];
  readonly outputs?: readonly DatasetUse[];
  /** Jobs only: the run with the latest event. */
  readonly latestRun?: Omit<RunInfo, 'events'>;
  /** Datasets only: the output ports that expose this dataset. */
  readonly exposedBy?: readonly { readonly product: Iri; readonly port: Iri }[];
}

/** Why one product is upstream of another. */
export interface ProductLink {
  /** The upstream product. */
  readonly from: Iri;
  /** The downstream product. */
  readonly to: Iri;
  /**
   * `declared`: an input port names the product; `dataset`: an input port names a dataset the
   * upstream product exposes; `job`: a job read the upstream product's dataset and wrote the
   * downstream one's.
   */
  readonly via: 'declared' | 'dataset' | 'job';
  readonly job?: Iri;
  readonly dataset?: Iri;
}

/** A job that read one of a product's datasets, and whom that use counts for. */
export interface LineageConsumer {
  /** The consuming product (the job writes its datasets), else the team the job's ownership facet names, else the job. */
  readonly consumer: Iri;
  readonly kind: 'DataProduct' | 'Team' | 'Job';
  readonly job: Iri;
  readonly dataset: Iri;
  readonly lastUsedAt: string;
}

/**
 * The lineage half of the knowledge graph (DESIGN.md §7, ADR 0008): OpenLineage events stored
 * idempotently, merged into Dataset, Job, Run and DatasetField nodes, and read back at dataset,
 * job and product level. Every adapter passes the lineage cases of `runKnowledgeGraphContract`.
 */
export interface LineageGraph {
  /**
   * Stores events and merges them into the graph, each on its own rules, in one transaction.
   * The result is the same whatever order the events arrive in. A record whose run id already
   * belongs to another job, or whose key is stored with another hash, is refused alone.
   */
  saveLineage(records: readonly LineageRecord[]): Promise<readonly LineageSaveResult[]>;
  /** A run and its events; undefined when unknown. */
  getRun(runId: string): Promise<RunInfo | undefined>;
  /** Datasets and jobs by IRI, in the order asked; unknown ones and other kinds are left out. */
  lineageNodes(iris: readonly Iri[]): Promise<readonly LineageNode[]>;
  /**
   * One hop of product lineage: with `upstream`, the links into the given products (their `to` is
   * one of them); with `downstream`, the links out of them (their `from` is one of them).
   */
  productLinks(products: readonly Iri[], direction: 'upstream' | 'downstream'): Promise<readonly ProductLink[]>;
  /** Jobs that read a dataset the product exposes, by consumer. */
  lineageConsumers(product: Iri): Promise<readonly LineageConsumer[]>;
}
