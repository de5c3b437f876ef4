import {
  currentFacets,
  type DatasetUse,
  type LineageConsumer,
  type LineageNode,
  owningTeam,
  type ProductLink,
  type RunEventType,
  type RunInfo,
  runState,
  type StoredFacets,
} from '@quanta/core';
import { type Iri, lineageIdentity, teamIri } from '@quanta/model';
import type { ManagedTransaction } from 'neo4j-driver';
import * as q from './lineage-queries.js';
import type { RunEvent } from './lineage-plan.js';

interface LineageNodeRecord {
  [key: string]: unknown;
  iri: string;
  kind: 'Dataset' | 'Job';
  facets: string | null;
  updatedAt: string | null;
  exposedBy: { product: string; port: string }[];
  uses: { role: 'reads' | 'writes'; dataset: string; firstSeen: string; lastSeen: string }[];
  latestRun: { runId: string; job: string; state: RunEventType; startedAt: string | null; endedAt: string | null }[];
}

interface LinkRecord {
  [key: string]: unknown;
  from: string;
  to: string;
  via: ProductLink['via'];
  job: string | null;
  dataset: string | null;
}

interface ReaderRecord {
  [key: string]: unknown;
  job: string;
  dataset: string;
  lastSeen: string;
  facets: string | null;
  written: string[];
}

/** A run and its events, with its state recomputed by core's `runState`; run ids are stored lower-cased. */
export async function readRun(tx: ManagedTransaction, runId: string): Promise<RunInfo | undefined> {
  const id = runId.toLowerCase();
  const record = (await tx.run<{ job: string; events: RunEvent[] }>(q.RUN, { runId: id })).records[0];
  return record && runState(id, record.get('job'), record.get('events'));
}

/** Datasets and jobs in the order asked, leaving out unknown IRIs and nodes of another kind than their IRI names. */
export async function readLineageNodes(tx: ManagedTransaction, iris: readonly Iri[]): Promise<LineageNode[]> {
  if (iris.length === 0) return [];
  const result = await tx.run<LineageNodeRecord>(q.LINEAGE_NODES, { iris: [...new Set(iris)] });
  const byIri = new Map(result.records.map((r) => [r.get('iri'), r.toObject()] as const));
  return iris.flatMap((iri) => {
    const node = byIri.get(iri);
    return node ? toLineageNode(iri, node) : [];
  });
}

/** The node as `lineageNodes` shows it, or nothing when its IRI names another kind (or none). */
function toLineageNode(iri: Iri, node: LineageNodeRecord): LineageNode[] {
  const identity = lineageIdentity(iri);
  if (!identity || identity.kind === 'DatasetField' || node.kind !== identity.kind) return [];
  const base = {
    iri,
    kind: identity.kind,
    namespace: identity.namespace,
    name: identity.name,
    facets: node.facets === null ? {} : currentFacets(JSON.parse(node.facets) as StoredFacets),
    ...(node.updatedAt !== null && { updatedAt: node.updatedAt }),
  };
  if (identity.kind === 'Dataset') return [{ ...base, exposedBy: node.exposedBy }];
  const [latest] = node.latestRun;
  const latestRun = latest && {
    runId: latest.runId,
    job: latest.job,
    state: latest.state,
    ...(latest.startedAt !== null && { startedAt: latest.startedAt }),
    ...(latest.endedAt !== null && { endedAt: latest.endedAt }),
  };
  return [
    {
      ...base,
      inputs: node.uses.filter((u) => u.role === 'reads').map(toUse),
      outputs: node.uses.filter((u) => u.role === 'writes').map(toUse),
      ...(latestRun && { latestRun }),
    },
  ];
}

/** One hop of product lineage, declared, through a dataset or through a job. */
export async function readProductLinks(tx: ManagedTransaction, products: readonly Iri[], direction: 'upstream' | 'downstream'): Promise<ProductLink[]> {
  if (products.length === 0) return [];
  const result = await tx.run<LinkRecord>(q.PRODUCT_LINKS[direction], { products: [...new Set(products)] });
  return result.records.map((record) => {
    const { from, to, via, job, dataset } = record.toObject();
    return { from, to, via, ...(job !== null && { job }), ...(dataset !== null && { dataset }) };
  });
}

/**
 * The jobs that read a dataset the product exposes, one entry per job: its latest use (the first
 * dataset by IRI on a tie), counted for the product it writes, else its owning team, else itself.
 */
export async function readLineageConsumers(tx: ManagedTransaction, product: Iri): Promise<LineageConsumer[]> {
  const byJob = new Map<string, LineageConsumer>();
  for (const record of (await tx.run<ReaderRecord>(q.LINEAGE_READERS, { product })).records) {
    const use = record.toObject();
    const held = byJob.get(use.job);
    if (held && held.lastUsedAt >= use.lastSeen) continue;
    byJob.set(use.job, { ...consumerOf(use), job: use.job, dataset: use.dataset, lastUsedAt: use.lastSeen });
  }
  return [...byJob.values()];
}

function consumerOf(use: ReaderRecord): Pick<LineageConsumer, 'consumer' | 'kind'> {
  const [written] = use.written;
  if (written !== undefined) return { consumer: written, kind: 'DataProduct' };
  const team = use.facets === null ? undefined : owningTeam(currentFacets(JSON.parse(use.facets) as StoredFacets).ownership);
  return team ? { consumer: teamIri(team), kind: 'Team' } : { consumer: use.job, kind: 'Job' };
}

const toUse = (u: LineageNodeRecord['uses'][number]): DatasetUse => ({ dataset: u.dataset, firstSeen: u.firstSeen, lastSeen: u.lastSeen });
