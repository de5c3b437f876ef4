import { rng } from './generate.js';

const PRODUCER = 'https://quanta.example/bench';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const facet = (name: string) => ({ _producer: PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json` });
const FIELDS = ['id', 'listener_id', 'played_at', 'seconds', 'country'];

/** A UUID (v4 layout) from a counter, so a run is the same on every benchmark run. */
const uuid = (n: number) => {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
};

/**
 * A synthetic pipeline as OpenLineage COMPLETE events: job i reads one to three datasets written
 * by earlier jobs (mostly recent ones, sometimes old core sources) and writes its own dataset,
 * with a five-field schema and column lineage for two fields. Each event adds about eight nodes
 * (a job, a run, a dataset and its five fields), so 125k events make a million lineage nodes.
 */
export function lineageEvents(seed = 11) {
  const random = rng(seed);
  const dataset = (i: number) => ({ namespace: `postgres://warehouse-${i % 7}.bench:5432`, name: `analytics.public.table_${i}` });
  return {
    /** The i-th event; events must be taken in order, since each reads datasets earlier ones wrote. */
    event(i: number) {
      const reads = new Set<number>();
      const wanted = i < 5 ? 0 : 1 + Math.floor(random() * 3);
      while (reads.size < wanted) reads.add(i - 1 - Math.floor(random() ** 3 * Math.min(i, 5000)));
      const inputs = [...reads].map(dataset);
      const output = dataset(i);
      const columnLineage = inputs.length
        ? { ...facet('ColumnLineageDatasetFacet'), fields: Object.fromEntries(FIELDS.slice(0, 2).map((f) => [f, { inputFields: inputs.map((d) => ({ ...d, field: f })) }])) }
        : undefined;
      return {
        eventType: 'COMPLETE',
        eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        producer: PRODUCER,
        schemaURL: SCHEMA_URL,
        run: { runId: uuid(i) },
        job: { namespace: 'bench-airflow', name: `dag_${Math.floor(i / 10)}.task_${i % 10}` },
        inputs,
        outputs: [
          {
            ...output,
            facets: {
              schema: { ...facet('SchemaDatasetFacet'), fields: FIELDS.map((name) => ({ name, type: 'VARCHAR' })) },
              ...(columnLineage && { columnLineage }),
            },
          },
        ],
      };
    },
    /** The dataset the i-th event writes, as a Marquez node id part. */
    dataset,
  };
}
