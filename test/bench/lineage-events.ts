import { rng } from './generate.js';

const PRODUCER = 'https://quanta.example/bench';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const facet = (name: string) => ({ _producer: PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json` });
const FIELDS = ['id', 'listener_id', 'played_at', 'seconds', 'country'];
const START = Date.UTC(2026, 0, 1);

/**
 * Each generator draws its names from its own space (a digit in run ids, a suffix on namespaces),
 * so two generators feeding one server never claim each other's runs, jobs or datasets.
 */
type Space = number;

/** A UUID (v4 layout) from a counter, so a run is the same on every benchmark run. */
const uuid = (space: Space, n: number) => `0000000${space}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const datasetOf = (space: Space) => (i: number) => ({ namespace: `postgres://warehouse-${i % 7}.bench${space}:5432`, name: `analytics.public.table_${i}` });

/**
 * A synthetic pipeline: job j reads one to three datasets written by earlier jobs (mostly recent
 * ones, sometimes old core sources) and writes its own dataset, with a five-field schema and column
 * lineage for two fields. Shapes are drawn in order from one seeded stream and kept, so job j is
 * the same whichever generator asks for it.
 */
function pipeline(seed: number, space: Space) {
  const random = rng(seed);
  const dataset = datasetOf(space);
  type Named = { namespace: string; name: string };
  const shapes: { inputs: Named[]; outputs: (Named & { facets: Record<string, unknown> })[] }[] = [];
  return (j: number) => {
    while (shapes.length <= j) {
      const i = shapes.length;
      const reads = new Set<number>();
      const wanted = i < 5 ? 0 : 1 + Math.floor(random() * 3);
      while (reads.size < wanted) reads.add(i - 1 - Math.floor(random() ** 3 * Math.min(i, 5000)));
      const inputs = [...reads].map(dataset);
      const columnLineage = inputs.length
        ? { ...facet('ColumnLineageDatasetFacet'), fields: Object.fromEntries(FIELDS.slice(0, 2).map((f) => [f, { inputFields: inputs.map((d) => ({ ...d, field: f })) }])) }
        : undefined;
      const schema = { ...facet('SchemaDatasetFacet'), fields: FIELDS.map((name) => ({ name, type: 'VARCHAR' })) };
      shapes.push({ inputs, outputs: [{ ...dataset(i), facets: { schema, ...(columnLineage && { columnLineage }) } }] });
    }
    return shapes[j] as (typeof shapes)[number];
  };
}

const runEvent = (space: Space, eventType: string, at: number, run: number, job: number, shape: ReturnType<ReturnType<typeof pipeline>>) => ({
  eventType,
  eventTime: new Date(START + at * 1000).toISOString(),
  producer: PRODUCER,
  schemaURL: SCHEMA_URL,
  run: { runId: uuid(space, run) },
  job: { namespace: `bench-airflow-${space}`, name: `dag_${Math.floor(job / 10)}.task_${job % 10}` },
  ...shape,
});

/**
 * Graph growth: the i-th event is the only run (COMPLETE) of job i, so every event brings a new
 * job, run and dataset and five fields: about eight nodes, and 125k events make a million lineage
 * nodes. Events must be taken in order, since each reads datasets earlier ones wrote.
 */
export function lineageEvents(seed = 11, space: Space = 1) {
  const shape = pipeline(seed, space);
  return {
    event: (i: number) => runEvent(space, 'COMPLETE', i, i, i, shape(i)),
    /** The dataset the i-th event writes, as a Marquez node id part. */
    dataset: datasetOf(space),
  };
}

/**
 * Steady traffic, what producers send day after day: runs of a known pipeline of `jobs` jobs, each
 * run a START and a COMPLETE naming the same datasets with the same facets as every run before.
 * `first(j)` is one run of job j, to lay the pipeline down before measuring; `event(i)` is the
 * i-th event of the runs after that, one job after another.
 */
export function steadyEvents(jobs: number, seed = 13, space: Space = 2) {
  const shape = pipeline(seed, space);
  return {
    first: (j: number) => runEvent(space, 'COMPLETE', j, j, j, shape(j)),
    event(i: number) {
      const run = jobs + Math.floor(i / 2);
      const job = run % jobs;
      return runEvent(space, i % 2 === 0 ? 'START' : 'COMPLETE', jobs + i, run, job, shape(job));
    },
  };
}
