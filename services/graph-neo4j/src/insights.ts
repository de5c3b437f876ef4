import type { InsightEvent, InsightEventKind, NudgeRecord } from '@quanta/core';
import type { Iri } from '@quanta/model';
import type { ManagedTransaction } from 'neo4j-driver';

/*
 * The insights half (issue 7). Shape:
 *   (:InsightSequence {id: 'insights', n})   the last sequence number handed out
 *   (:InsightEvent {seq, kind, at, body})    one per event, `body` its JSON
 *   (:Nudge {key, product, owner, kind, message, at})   the current nudges, `key` product + kind
 * Neo4j has no auto-increment: an append takes the sequence node's write lock and hands out the
 * next numbers, so equal times read back in append order, across transactions too.
 */
const APPEND_EVENTS = `MERGE (s:InsightSequence {id: 'insights'})
ON CREATE SET s.n = 0
SET s._lock = true REMOVE s._lock
WITH s, s.n AS base
SET s.n = base + size($events)
WITH base
UNWIND range(0, size($events) - 1) AS i
CREATE (:InsightEvent {seq: base + i + 1, kind: $events[i].kind, at: $events[i].at, body: $events[i].body})`;

const READ_EVENTS = `MATCH (e:InsightEvent) WHERE $kinds IS NULL OR e.kind IN $kinds
RETURN e.body AS body ORDER BY e.at, e.seq`;

const REPLACE_NUDGES = `OPTIONAL MATCH (old:Nudge) DETACH DELETE old
WITH count(*) AS _
UNWIND $nudges AS n
CREATE (:Nudge {key: n.product + '\\n' + n.kind, product: n.product, owner: n.owner, kind: n.kind, message: n.message, at: n.at})`;

const READ_NUDGES = `MATCH (n:Nudge) WHERE $owner IS NULL OR n.owner = $owner
RETURN n.product AS product, n.owner AS owner, n.kind AS kind, n.message AS message, n.at AS at ORDER BY n.product, n.kind`;

/** Appends events in the order given (see APPEND_EVENTS). */
export async function appendInsightEvents(tx: ManagedTransaction, events: readonly InsightEvent[]): Promise<void> {
  const rows = events.map((e) => ({ kind: e.kind, at: e.at, body: JSON.stringify(e) }));
  await tx.run(APPEND_EVENTS, { events: rows });
}

/** Events of some kinds, or all, oldest first. */
export async function readInsightEvents(tx: ManagedTransaction, kinds: readonly InsightEventKind[] | undefined): Promise<InsightEvent[]> {
  const result = await tx.run<{ body: string }>(READ_EVENTS, { kinds: kinds ?? null });
  return result.records.map((r) => JSON.parse(r.get('body')) as InsightEvent);
}

/** Replaces the current nudges. */
export async function replaceNudges(tx: ManagedTransaction, nudges: readonly NudgeRecord[]): Promise<void> {
  await tx.run(REPLACE_NUDGES, { nudges: nudges.map((n) => ({ ...n })) });
}

/** The current nudges, of one owner or all. */
export async function readNudges(tx: ManagedTransaction, owner: Iri | undefined): Promise<NudgeRecord[]> {
  const result = await tx.run(READ_NUDGES, { owner: owner ?? null });
  return result.records.map((r) => r.toObject() as NudgeRecord);
}

