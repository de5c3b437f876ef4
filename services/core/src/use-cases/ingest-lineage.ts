import { type ConflictError, type InputIssue, ValidationError } from '@quanta/model';
import { validateLineageEvent } from '@quanta/openlineage';
import type { LineageRecord } from '../ports/lineage-graph.js';
import { lineageRecord, type OpenLineageEventView } from '../projections/lineage-record.js';
import { type TimeSkew, timeSkewOf } from '../rules/event-time.js';
import type { CatalogDeps } from './deps.js';

/**
 * The most events one batch may hold: a batch is one transaction on the event loop, so this bounds
 * how long other requests wait (~1 s at the measured rate) and the size of the report.
 */
export const MAX_BATCH = 1000;

/** What became of one accepted event. */
export interface LineageIngestResult {
  /** `duplicate`: the same event was stored before; nothing changed. */
  readonly outcome: 'stored' | 'duplicate';
  /** The event came after its run had ended: stored, but the run stays ended. */
  readonly afterTerminal: boolean;
  /** Its eventTime is implausibly far from now (B7): stored and ordered by it, but flagged. */
  readonly timeSkew?: TimeSkew;
}

/** One event of a batch that was not stored, and why. */
export interface LineageBatchFailure {
  readonly index: number;
  readonly kind: 'validation-failed' | 'conflict';
  readonly reason: string;
  readonly issues: readonly InputIssue[];
}

/** The outcome of a batch: counts, and each failed event by its index in the batch. */
export interface LineageBatchReport {
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly afterTerminal: number;
  readonly failed: readonly LineageBatchFailure[];
}

/**
 * Validates one raw event against the official OpenLineage schemas and builds what the graph
 * stores for it.
 * @throws ValidationError naming the failing path
 */
export function toLineageRecord(raw: unknown, receivedAt?: string): LineageRecord {
  const checked = validateLineageEvent(raw);
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new ValidationError(`Invalid OpenLineage event${first ? `: ${first.message}` : ''}`, checked.issues);
  }
  return lineageRecord(checked.kind, checked.event as unknown as OpenLineageEventView, receivedAt);
}

/**
 * Stores one OpenLineage event (POST /api/v1/lineage): idempotent on (runId, eventType,
 * eventTime), merged into the graph.
 * @throws ValidationError when the event breaks the spec
 * @throws ConflictError when the same key was stored with other content, or the run belongs to another job
 */
export async function ingestLineageEvent(deps: CatalogDeps, raw: unknown): Promise<LineageIngestResult> {
  const record = toLineageRecord(raw, new Date(deps.clock.now()).toISOString());
  const [result] = await deps.graph.saveLineage([record]);
  if (!result) throw new Error('the graph returned no result for the event');
  if (!result.ok) throw result.error;
  const timeSkew = timeSkewOf(record.eventTime, record.receivedAt);
  return { outcome: result.outcome, afterTerminal: result.afterTerminal, ...(timeSkew && { timeSkew }) };
}

/**
 * Stores a batch of events (POST /api/v1/lineage/batch) in one graph transaction. Each event is
 * judged alone: an invalid or conflicting one is reported by index and the others are stored.
 */
export async function ingestLineageBatch(deps: CatalogDeps, raws: readonly unknown[]): Promise<LineageBatchReport> {
  if (raws.length > MAX_BATCH) {
    const message = `a batch holds at most ${MAX_BATCH} events, got ${raws.length}; split it`;
    throw new ValidationError(`Invalid lineage batch: ${message}`, [{ pointer: '', message }]);
  }
  const failed: LineageBatchFailure[] = [];
  const valid: { index: number; record: LineageRecord }[] = [];
  const receivedAt = new Date(deps.clock.now()).toISOString();
  raws.forEach((raw, index) => {
    try {
      valid.push({ index, record: toLineageRecord(raw, receivedAt) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failed.push({ index, kind: 'validation-failed', reason: error.message, issues: error.issues });
    }
  });
  const results = valid.length > 0 ? await deps.graph.saveLineage(valid.map((v) => v.record)) : [];
  let stored = 0;
  let duplicates = 0;
  let afterTerminal = 0;
  results.forEach((result, i) => {
    const index = valid[i]?.index as number;
    if (!result.ok) {
      failed.push(conflictFailure(index, result.error));
      return;
    }
    if (result.outcome === 'stored') stored++;
    else duplicates++;
    if (result.afterTerminal) afterTerminal++;
  });
  failed.sort((a, b) => a.index - b.index);
  return { received: raws.length, stored, duplicates, afterTerminal, failed };
}

function conflictFailure(index: number, error: ConflictError): LineageBatchFailure {
  return { index, kind: 'conflict', reason: error.message, issues: [{ pointer: '', message: error.message }] };
}
