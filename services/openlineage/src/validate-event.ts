import type { ErrorObject } from 'ajv';
import { type InputIssue, screenInput, toPointer } from '@quanta/model';
import { compiledSpec } from './compiled-spec.js';
import { eventKindOf, facetContainers, isJsonObject, type JsonObject, type LineageEventKind } from './event-kind.js';
import { limitIssues } from './identity-limits.js';
import type { DatasetEvent, JobEvent, RunEvent } from './generated/openlineage.js';
import { finishIssues, issuesFromErrors, type LocatedIssue, wholeEventIssue } from './issues.js';

/**
 * An event as the validator accepts it: the spec's type, except that `schemaURL` may be missing
 * (see {@link validateLineageEvent}), so nobody reads a string that is not there.
 */
export type Accepted<E> = { [K in keyof E as K extends 'schemaURL' ? never : K]: E[K] } & { readonly schemaURL?: string };

/** The answer of {@link validateLineageEvent}: the event and what kind it is, or why it was refused. */
export type LineageValidation =
  | { readonly ok: true; readonly kind: 'run'; readonly event: Accepted<RunEvent> }
  | { readonly ok: true; readonly kind: 'dataset'; readonly event: Accepted<DatasetEvent> }
  | { readonly ok: true; readonly kind: 'job'; readonly event: Accepted<JobEvent> }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Validates one OpenLineage event against the pinned official schemas (OpenLineage 2-0-2 and the
 * standard facets), without any I/O.
 *
 * The kind is decided first from the keys present (`run` → RunEvent, `dataset` → DatasetEvent,
 * `job` → JobEvent; both `dataset` and `job` is refused, as the spec's `oneOf` would), and the event
 * is validated against that definition only. Every facet whose key is a standard facet of its
 * location (`run.facets`, `job.facets`, `inputs[].facets`, `inputs[].inputFacets`,
 * `outputs[].facets`, `outputs[].outputFacets`, `dataset.facets`) is then validated against that
 * facet's schema; custom facets only against the core's base facet, and they are kept untouched.
 * A facet with `_deleted: true` is a deletion marker and is not held to its facet's schema.
 *
 * Leniency, decided on purpose:
 * - A missing top-level `schemaURL` is accepted: Marquez accepts it and real producers omit it
 *   (the Marquez `apples` events have none). When present it must be a URI, as must `producer`.
 * - An `eventTime` without a UTC offset is refused, as the spec says: run state is ordered by
 *   eventTime, and a local time cannot be ordered. Marquez accepts it; Quanta does not.
 * - Unsubstituted templates (`{{ ... }}`) get no special treatment: they fail the ordinary rules
 *   (a runId that is not a UUID, an eventTime that is not a date-time).
 * - An event with a `run` is a RunEvent even if it also has a `dataset` and no `job` (which the
 *   spec would take for a DatasetEvent): it is refused for its missing job.
 *
 * The returned event is the input itself, not a copy.
 * @returns the kind and the event, or at most {@link MAX_ISSUES} deduplicated issues, each with a
 * JSON Pointer into the event and a message naming the path and the rule broken
 */
export function validateLineageEvent(raw: unknown): LineageValidation {
  if (!isJsonObject(raw)) return refused([wholeEventIssue(`must be a JSON object, not ${describe(raw)}`)]);
  // Before Ajv walks the recursive parts of the spec (nested schema fields) with its own recursion.
  const screened = screenInput(raw);
  if (screened !== undefined) return refused([{ pointer: screened.pointer, message: `${screened.pointer || 'event'}: ${screened.rule}` }]);
  const kind = eventKindOf(raw);
  if (typeof kind !== 'string') return refused([wholeEventIssue(kind.rule)]);

  const spec = compiledSpec();
  const validateEvent = spec.events[kind];
  const located: LocatedIssue[] = validateEvent(raw) ? [] : issuesFromErrors((validateEvent.errors ?? []).filter((error) => !isTolerated(error)));
  for (const container of facetContainers(raw, kind)) {
    for (const [key, facet] of Object.entries(container.facets)) {
      if (!isJsonObject(facet) || facet._deleted === true) continue;
      const validateFacet = spec.facet(container.location, key);
      if (validateFacet !== undefined && !validateFacet(facet)) {
        located.push(...issuesFromErrors(validateFacet.errors ?? [], container.pointer + toPointer([key])));
      }
    }
  }
  if (located.length > 0) return refused(finishIssues(located));
  const beyond = limitIssues(raw, kind);
  if (beyond.length > 0) return refused(finishIssues(beyond));
  return accepted(kind, raw);
}

/** The one error the schema reports that Quanta accepts on purpose: no top-level `schemaURL`. */
function isTolerated(error: ErrorObject): boolean {
  return error.keyword === 'required' && error.instancePath === '' && (error.params as { missingProperty?: unknown }).missingProperty === 'schemaURL';
}

function accepted(kind: LineageEventKind, event: JsonObject): LineageValidation {
  // The schema has just checked the shape these types were generated from.
  if (kind === 'run') return { ok: true, kind, event: event as unknown as Accepted<RunEvent> };
  if (kind === 'dataset') return { ok: true, kind, event: event as unknown as Accepted<DatasetEvent> };
  return { ok: true, kind, event: event as unknown as Accepted<JobEvent> };
}

function refused(issues: readonly InputIssue[]): LineageValidation {
  return { ok: false, issues };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
