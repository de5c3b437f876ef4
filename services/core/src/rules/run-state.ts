import type { Iri } from '@quanta/model';
import type { RunEventType, RunInfo } from '../ports/lineage-graph.js';

const TERMINAL: ReadonlySet<RunEventType> = new Set(['COMPLETE', 'ABORT', 'FAIL']);
/** Ties at one instant are broken by a fixed order, so the state never depends on arrival. */
const RANK: Readonly<Record<RunEventType, number>> = { START: 0, RUNNING: 1, OTHER: 2, COMPLETE: 3, ABORT: 4, FAIL: 5 };

/** Whether a run event type ends the run. */
export function isTerminal(type: RunEventType): boolean {
  return TERMINAL.has(type);
}

/**
 * A run's state from the set of its events, the rule every adapter applies (DESIGN.md §7): events
 * are ordered by eventTime, never by arrival; the first terminal event (COMPLETE, ABORT, FAIL)
 * ends the run for good, and any event after it is kept but flagged `afterTerminal`; without one,
 * the latest event's type is the state. A function of the set alone, so every arrival order of
 * the same events gives the same run.
 * @param events at least one; `eventTime` as in `LineageRecord` (fixed-width UTC, sorts as instants)
 */
export function runState(runId: string, job: Iri, events: readonly { readonly eventType: RunEventType; readonly eventTime: string }[]): RunInfo {
  const sorted = [...events].sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : RANK[a.eventType] - RANK[b.eventType]));
  const endAt = sorted.findIndex((e) => TERMINAL.has(e.eventType));
  const end = endAt >= 0 ? sorted[endAt] : undefined;
  const last = sorted[sorted.length - 1];
  if (!last) throw new RangeError(`run ${runId} has no events`);
  const start = sorted.find((e) => e.eventType === 'START');
  return {
    runId,
    job,
    state: (end ?? last).eventType,
    ...(start && { startedAt: start.eventTime }),
    ...(end && { endedAt: end.eventTime }),
    events: sorted.map((e, i) => ({ eventType: e.eventType, eventTime: e.eventTime, afterTerminal: endAt >= 0 && i > endAt })),
  };
}

/** Whether the event of this type at this time came after its run had ended. */
export function cameAfterEnd(run: RunInfo, eventType: RunEventType, eventTime: string): boolean {
  return run.events.some((e) => e.afterTerminal && e.eventType === eventType && e.eventTime === eventTime);
}
