import type { Iri } from '@quanta/model';
import type { RunEventType, RunInfo } from '../ports/lineage-graph.js';
import { timeSkewOf } from './event-time.js';

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
export function runState(runId: string, job: Iri, events: readonly { readonly eventType: RunEventType; readonly eventTime: string; readonly receivedAt?: string | null }[]): RunInfo {
  const sorted = [...events].sort(compareEvents);
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
    events: sorted.map((e, i) => {
      const timeSkew = e.receivedAt ? timeSkewOf(e.eventTime, e.receivedAt) : undefined;
      return { eventType: e.eventType, eventTime: e.eventTime, afterTerminal: endAt >= 0 && i > endAt, ...(e.receivedAt && { receivedAt: e.receivedAt }), ...(timeSkew && { timeSkew }) };
    }),
  };
}

/** One run event, as a run summary folds it. */
export interface RunEventAt {
  readonly eventType: RunEventType;
  readonly eventTime: string;
}

/**
 * What a run's state rests on, kept per run so an event costs O(1) instead of re-reading the run's
 * events: the first terminal event, the latest event and the earliest START, each by eventTime
 * (ties broken as in {@link runState}). Folding is commutative, so any arrival order of the same
 * events gives the same summary, and {@link summaryRun} agrees with {@link runState} on the set.
 */
export interface RunSummary {
  readonly end?: RunEventAt;
  readonly last: RunEventAt;
  readonly startedAt?: string;
}

/** Orders events by eventTime, ties by the fixed {@link RANK}. */
function compareEvents(a: RunEventAt, b: RunEventAt): number {
  return a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : RANK[a.eventType] - RANK[b.eventType];
}

/** The summary with one more event folded in (`held` undefined: the run's first event). */
export function foldRunEvent(held: RunSummary | undefined, event: RunEventAt): RunSummary {
  const e = { eventType: event.eventType, eventTime: event.eventTime };
  const end = TERMINAL.has(e.eventType) && (!held?.end || compareEvents(e, held.end) < 0) ? e : held?.end;
  const last = !held || compareEvents(e, held.last) > 0 ? e : held.last;
  const startedAt = e.eventType === 'START' && (!held?.startedAt || e.eventTime < held.startedAt) ? e.eventTime : held?.startedAt;
  return { ...(end && { end }), last, ...(startedAt !== undefined && { startedAt }) };
}

/** The run a summary describes, without its event list. */
export function summaryRun(runId: string, job: Iri, s: RunSummary): Omit<RunInfo, 'events'> {
  return {
    runId,
    job,
    state: (s.end ?? s.last).eventType,
    ...(s.startedAt !== undefined && { startedAt: s.startedAt }),
    ...(s.end && { endedAt: s.end.eventTime }),
  };
}

/** A run summary as flat, nullable values: the columns or properties both adapters store. */
export interface RunSummaryColumns {
  /** The run's state: the end's type, else the latest event's (stored for queries, derived here). */
  readonly state: RunEventType;
  readonly startedAt: string | null;
  readonly endType: RunEventType | null;
  readonly endedAt: string | null;
  readonly lastType: RunEventType;
  readonly lastEventAt: string;
}

/** The summary as the values an adapter stores. */
export function summaryColumns(s: RunSummary): RunSummaryColumns {
  return {
    state: (s.end ?? s.last).eventType,
    startedAt: s.startedAt ?? null,
    endType: s.end?.eventType ?? null,
    endedAt: s.end?.eventTime ?? null,
    lastType: s.last.eventType,
    lastEventAt: s.last.eventTime,
  };
}

/** The summary an adapter stored (see {@link summaryColumns}). */
export function summaryFromColumns(c: Omit<RunSummaryColumns, 'state'>): RunSummary {
  return {
    ...(c.endType !== null && c.endedAt !== null && { end: { eventType: c.endType, eventTime: c.endedAt } }),
    last: { eventType: c.lastType, eventTime: c.lastEventAt },
    ...(c.startedAt !== null && { startedAt: c.startedAt }),
  };
}

/** Whether this event comes after the run summarised had ended (its first terminal event). */
export function isAfterEnd(s: RunSummary, event: RunEventAt): boolean {
  return s.end !== undefined && compareEvents(event, s.end) > 0;
}

/** Whether the event of this type at this time came after its run had ended. */
export function cameAfterEnd(run: RunInfo, eventType: RunEventType, eventTime: string): boolean {
  return run.events.some((e) => e.afterTerminal && e.eventType === eventType && e.eventTime === eventTime);
}
