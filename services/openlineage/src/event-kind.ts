import type { FacetLocation } from './facet-catalog.js';

/** The three OpenLineage events: a run's state change, static job metadata, static dataset metadata. */
export type LineageEventKind = 'run' | 'dataset' | 'job';

/** A plain JSON object (not null, not an array). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object rather than null, an array or a scalar. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Which event an object is meant to be, decided from the keys it has, so that it is validated
 * against that one definition and its errors are precise instead of the spec's `oneOf` noise:
 * `run` makes a RunEvent, else `dataset` a DatasetEvent, else `job` a JobEvent. An object with both
 * `dataset` and `job` (and no `run`) would match both static events, which the spec's `oneOf`
 * forbids; it is answered with a rule instead of a kind.
 */
export function eventKindOf(event: JsonObject): LineageEventKind | { readonly rule: string } {
  if (Object.hasOwn(event, 'run')) return 'run';
  if (Object.hasOwn(event, 'dataset')) {
    return Object.hasOwn(event, 'job')
      ? { rule: 'has both dataset and job: a DatasetEvent has no job and a JobEvent no dataset (a RunEvent has a run)' }
      : 'dataset';
  }
  if (Object.hasOwn(event, 'job')) return 'job';
  return { rule: 'must be an OpenLineage RunEvent (with run and job), JobEvent (with job) or DatasetEvent (with dataset)' };
}

/** One facets object of an event: where it is, what kind of facets it holds, and the facets. */
export interface FacetContainer {
  readonly pointer: string;
  readonly location: FacetLocation;
  readonly facets: JsonObject;
}

/**
 * Every facets object the event carries, for its kind: run and job facets, dataset facets of inputs,
 * outputs and a static dataset, and input and output facets. Containers that are not objects are
 * skipped here; the core schema reports them.
 */
export function facetContainers(event: JsonObject, kind: LineageEventKind): FacetContainer[] {
  const containers: FacetContainer[] = [];
  const add = (owner: unknown, key: string, pointer: string, location: FacetLocation) => {
    if (isJsonObject(owner) && isJsonObject(owner[key])) containers.push({ pointer: `${pointer}/${key}`, location, facets: owner[key] });
  };
  if (kind === 'dataset') {
    add(event.dataset, 'facets', '/dataset', 'dataset');
    return containers;
  }
  if (kind === 'run') add(event.run, 'facets', '/run', 'run');
  add(event.job, 'facets', '/job', 'job');
  for (const [side, ownFacets, ownLocation] of [
    ['inputs', 'inputFacets', 'inputDataset'],
    ['outputs', 'outputFacets', 'outputDataset'],
  ] as const) {
    const datasets = event[side];
    if (!Array.isArray(datasets)) continue;
    datasets.forEach((dataset, index) => {
      add(dataset, 'facets', `/${side}/${index}`, 'dataset');
      add(dataset, ownFacets, `/${side}/${index}`, ownLocation);
    });
  }
  return containers;
}
