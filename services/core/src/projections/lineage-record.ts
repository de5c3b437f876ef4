import { type Iri, ValidationError, datasetIri, jobIri, runIri } from '@quanta/model';
import type { LineageDataset, LineageJob, LineageRecord, RunEventType } from '../ports/lineage-graph.js';
import { canonicalSha256 } from './descriptor-hash.js';

/**
 * The parts of a validated OpenLineage event Quanta reads (the validator in `@quanta/openlineage`
 * has checked the rest against the official schemas).
 */
export interface OpenLineageEventView {
  readonly eventTime: string;
  readonly eventType?: string;
  readonly run?: { readonly runId: string };
  readonly job?: { readonly namespace: string; readonly name: string; readonly facets?: Readonly<Record<string, unknown>> };
  readonly inputs?: readonly OpenLineageDatasetView[];
  readonly outputs?: readonly OpenLineageDatasetView[];
  readonly dataset?: OpenLineageDatasetView;
}

/** A dataset in an event: identity and dataset facets (input and output facets describe the run). */
export interface OpenLineageDatasetView {
  readonly namespace: string;
  readonly name: string;
  readonly facets?: Readonly<Record<string, unknown>>;
}

const RUN_EVENT_TYPES: ReadonlySet<string> = new Set<RunEventType>(['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER']);
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9})\d*)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An event time as a fixed-width UTC instant with nanoseconds (`2026-01-02T03:04:05.123456789Z`):
 * the same instant written with another offset or precision gives the same string, and strings
 * sort as instants. Digits past nanoseconds are dropped.
 * @throws ValidationError (at `/eventTime`) when the time has no offset or is not a date-time
 */
export function normalizeEventTime(eventTime: string): string {
  const match = DATE_TIME.exec(eventTime);
  const offset = match?.[4]?.toUpperCase();
  const zone = offset === 'Z' ? 'Z' : offset?.replace(/^([+-]\d{2}):?(\d{2})?$/, (_all, hours: string, minutes?: string) => `${hours}:${minutes ?? '00'}`);
  const millis = match && Date.parse(`${match[1]}T${match[2]}${zone}`);
  if (!match || millis === null || millis === undefined || Number.isNaN(millis)) {
    const message = `eventTime must be an RFC 3339 date-time with a UTC offset, got ${JSON.stringify(eventTime)}`;
    throw new ValidationError(message, [{ pointer: '/eventTime', message }]);
  }
  return `${new Date(millis).toISOString().slice(0, 19)}.${(match[3] ?? '').padEnd(9, '0')}Z`;
}

/**
 * What every key of a run's events starts with: `run:<runId>:`, then `<eventType>:<eventTime>`.
 * A store that keeps keys sorted finds a run's events as the range from this prefix up to the
 * same text with `;` (the code point after `:`) in place of the last `:`.
 */
export function runEventKeyPrefix(runId: string): string {
  return `run:${runId}:`;
}

const dataset = (d: OpenLineageDatasetView): LineageDataset => ({
  iri: datasetIri(d.namespace, d.name),
  namespace: d.namespace,
  name: d.name,
  facets: d.facets ?? {},
});

/**
 * What the graph stores for one validated event (ADR 0008): the idempotency key
 * `(runId, eventType, eventTime)` (a static event's subject and eventTime), the hash of the whole
 * event, and the job, run and datasets it names.
 * @param kind what the validator recognised the event as
 * @param receivedAt when Quanta received it (ISO 8601): the use cases pass their clock's time
 */
export function lineageRecord(kind: 'run' | 'dataset' | 'job', event: OpenLineageEventView, receivedAt: string = new Date().toISOString()): LineageRecord {
  const eventTime = normalizeEventTime(event.eventTime);
  const job: LineageJob | undefined = event.job && {
    iri: jobIri(event.job.namespace, event.job.name),
    namespace: event.job.namespace,
    name: event.job.name,
    facets: event.job.facets ?? {},
  };
  const common = {
    // Hashed with the time as keyed: a retry that writes the same instant as +00:00 instead of Z
    // is the same event, not a conflict.
    hash: canonicalSha256({ ...event, eventTime }),
    kind,
    eventTime,
    inputs: (event.inputs ?? []).map(dataset),
    outputs: (event.outputs ?? []).map(dataset),
    event,
    receivedAt,
  };
  if (kind === 'run' && event.run && job) {
    // The spec leaves eventType optional; an event without one is a plain state report.
    const eventType = (RUN_EVENT_TYPES.has(event.eventType ?? '') ? event.eventType : 'OTHER') as RunEventType;
    const runId = event.run.runId.toLowerCase();
    return { ...common, key: `${runEventKeyPrefix(runId)}${eventType}:${eventTime}`, run: { runId, iri: runIri(runId), eventType }, job };
  }
  if (kind === 'dataset' && event.dataset) {
    const subject = dataset(event.dataset);
    return { ...common, key: `dataset:${subject.iri}:${eventTime}`, dataset: subject };
  }
  if (kind === 'job' && job) return { ...common, key: `job:${job.iri}:${eventTime}`, job };
  throw new RangeError(`a ${kind} event without its ${kind === 'dataset' ? 'dataset' : 'job and run'}: the validator should have refused it`);
}

/**
 * Every dataset a record names, subject included, each once. A dataset that is both read and
 * written (`INSERT OVERWRITE t … FROM t`) keeps the facets of every mention, the output's winning:
 * they describe what the run left behind.
 */
export function recordDatasets(record: LineageRecord): LineageDataset[] {
  const all = new Map<Iri, LineageDataset>();
  for (const d of [...(record.dataset ? [record.dataset] : []), ...record.inputs, ...record.outputs]) {
    const held = all.get(d.iri);
    all.set(d.iri, held ? { ...held, facets: { ...held.facets, ...d.facets } } : d);
  }
  return [...all.values()];
}
