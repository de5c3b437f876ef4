import type { OutboxEntry, OutboxStatus, ProductHead } from '@quanta/core';
import neo4j, { type Integer, type ManagedTransaction } from 'neo4j-driver';
import { VanishedNodeError } from './write-edges.js';

/*
 * The search outbox (ADR 0014). Shape:
 *   (:SearchOutbox {iri, revision, enqueuedAt})   one per product whose search document is behind
 * A completion deletes an entry while a save may be moving it up. Neo4j reads are read-committed,
 * so a completion takes the entry's write lock before it compares revisions (a newer revision
 * committed meanwhile then stays), and a write checks that its entry still exists afterwards: one
 * that waited for the lock of an entry a completion then deleted wrote to nothing, without an
 * error, and is rerun (VanishedNodeError), which creates the entry afresh.
 */

/** A save's entries: a new one starts its age at the revision's time, an existing one keeps it. */
const ENQUEUE_SAVED = `UNWIND $entries AS e
MERGE (o:SearchOutbox {iri: e.iri}) ON CREATE SET o.enqueuedAt = e.at
SET o.revision = e.revision
WITH e
OPTIONAL MATCH (k:SearchOutbox {iri: e.iri}) WHERE k.revision = e.revision
RETURN count(k) AS written`;

/** Repairs: an existing entry keeps its age and takes the higher revision, read under its lock. */
const ENQUEUE = `UNWIND $heads AS h
MERGE (o:SearchOutbox {iri: h.iri}) ON CREATE SET o.enqueuedAt = $at, o.revision = h.revision
SET o._lock = true REMOVE o._lock
WITH o, h SET o.revision = CASE WHEN o.revision < h.revision THEN h.revision ELSE o.revision END
WITH h
OPTIONAL MATCH (k:SearchOutbox {iri: h.iri}) WHERE k.revision >= h.revision
RETURN count(k) AS written`;

const COMPLETE = `UNWIND $heads AS h
MATCH (o:SearchOutbox {iri: h.iri})
SET o._lock = true REMOVE o._lock
WITH o, h WHERE o.revision <= h.revision
DELETE o
RETURN count(*) AS removed`;

const PENDING = `MATCH (o:SearchOutbox) WHERE o.enqueuedAt IS NOT NULL
RETURN o.iri AS iri, o.revision AS revision, o.enqueuedAt AS enqueuedAt
ORDER BY o.enqueuedAt, o.iri LIMIT $limit`;

const STATUS = `MATCH (o:SearchOutbox) RETURN count(o) AS pending, min(o.enqueuedAt) AS oldest`;

/** One saved revision, as a save's transaction adds it to the outbox. */
export interface SavedRevision extends ProductHead {
  readonly recordedAt: string;
}

/** Adds a save's revisions to the outbox, in the save's transaction (one statement for the batch). */
export async function enqueueSaved(tx: ManagedTransaction, saved: readonly SavedRevision[]): Promise<void> {
  const entries = byIri(saved).map((s) => ({ iri: s.iri, revision: neo4j.int(s.revision), at: s.recordedAt }));
  const result = await tx.run<{ written: number }>(ENQUEUE_SAVED, { entries });
  expectWritten(result.records[0]?.get('written'), entries.length);
}

/** See `SearchOutbox.enqueueProjections`. */
export async function enqueueProjections(tx: ManagedTransaction, heads: readonly ProductHead[], at: string): Promise<void> {
  const rows = highest(heads);
  const result = await tx.run<{ written: number }>(ENQUEUE, { heads: rows, at });
  expectWritten(result.records[0]?.get('written'), rows.length);
}

/** See `SearchOutbox.completeProjections`. */
export async function completeProjections(tx: ManagedTransaction, projected: readonly ProductHead[]): Promise<number> {
  const result = await tx.run<{ removed: number }>(COMPLETE, { heads: highest(projected) });
  return result.records[0]?.get('removed') ?? 0;
}

/** See `SearchOutbox.pendingProjections`. */
export async function pendingProjections(tx: ManagedTransaction, limit: number): Promise<OutboxEntry[]> {
  const result = await tx.run<{ iri: string; revision: number; enqueuedAt: string }>(PENDING, { limit: neo4j.int(limit) });
  return result.records.map((r) => r.toObject());
}

/** See `SearchOutbox.outboxStatus`. */
export async function outboxStatus(tx: ManagedTransaction): Promise<OutboxStatus> {
  const record = (await tx.run<{ pending: number; oldest: string | null }>(STATUS)).records[0];
  const pending = record?.get('pending') ?? 0;
  const oldest = record?.get('oldest') ?? null;
  return oldest === null ? { pending } : { pending, oldestEnqueuedAt: oldest };
}

/**
 * One row per IRI with its highest revision (a later row of one statement need not see an earlier
 * row's write), in IRI order so concurrent writers take the entries' locks in the same order.
 */
function highest(heads: readonly ProductHead[]): { iri: string; revision: Integer }[] {
  const top = new Map<string, number>();
  for (const { iri, revision } of heads) top.set(iri, Math.max(revision, top.get(iri) ?? revision));
  return byIri([...top].map(([iri, revision]) => ({ iri, revision }))).map((h) => ({ iri: h.iri, revision: neo4j.int(h.revision) }));
}

function byIri<T extends { readonly iri: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
}

/** @throws VanishedNodeError when an entry was deleted under the write, which the adapter reruns */
function expectWritten(written: number | undefined, expected: number): void {
  if ((written ?? 0) < expected) throw new VanishedNodeError(expected - (written ?? 0), 'search outbox entry(ies)');
}
