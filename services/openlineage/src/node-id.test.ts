import { InvalidParameterError } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { formatNodeId, InvalidNodeIdError, type NodeId, parseNodeId } from './node-id.js';

const VERSION = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** Ids and what they name: Marquez's NodeIdTest cases, then Quanta's own. */
const CASES: readonly (readonly [string, NodeId])[] = [
  // Marquez NodeIdTest.testJob / testJobWithVersion
  ['job:my-namespace:my-job', { kind: 'job', namespace: 'my-namespace', name: 'my-job' }],
  ['job:org://team:my-job', { kind: 'job', namespace: 'org://team', name: 'my-job' }],
  [`job:my-namespace:my-job#${VERSION}`, { kind: 'job', namespace: 'my-namespace', name: 'my-job', version: VERSION }],
  [`job:org://team:my-job#${VERSION}`, { kind: 'job', namespace: 'org://team', name: 'my-job', version: VERSION }],
  // testDataset / testDatasetWithVersion
  ['dataset:my-namespace:my-dataset', { kind: 'dataset', namespace: 'my-namespace', name: 'my-dataset' }],
  ['dataset:gs://bucket:/path/to/data', { kind: 'dataset', namespace: 'gs://bucket', name: '/path/to/data' }],
  ['dataset:postgresql://hostname:5432/database:my_table', { kind: 'dataset', namespace: 'postgresql://hostname:5432/database', name: 'my_table' }],
  ['dataset:my-namespace:my_struct<a:bigint,b:bigint,c:string>', { kind: 'dataset', namespace: 'my-namespace', name: 'my_struct<a:bigint,b:bigint,c:string>' }],
  [`dataset:my-namespace:my-dataset#${VERSION}`, { kind: 'dataset', namespace: 'my-namespace', name: 'my-dataset', version: VERSION }],
  [`dataset:gs://bucket:/path/to/data#${VERSION}`, { kind: 'dataset', namespace: 'gs://bucket', name: '/path/to/data', version: VERSION }],
  [
    `dataset:postgresql://hostname:5432/database:my_table#${VERSION}`,
    { kind: 'dataset', namespace: 'postgresql://hostname:5432/database', name: 'my_table', version: VERSION },
  ],
  [
    `dataset:my-namespace:my_struct<a:bigint,b:bigint,c:string>#${VERSION}`,
    { kind: 'dataset', namespace: 'my-namespace', name: 'my_struct<a:bigint,b:bigint,c:string>', version: VERSION },
  ],
  // testDatasetField / testDatasetFieldVersion
  ['datasetField:my-namespace:my-dataset:colA', { kind: 'datasetField', namespace: 'my-namespace', dataset: 'my-dataset', field: 'colA' }],
  ['datasetField:gs://bucket:/path/to/data:colA', { kind: 'datasetField', namespace: 'gs://bucket', dataset: '/path/to/data', field: 'colA' }],
  ['datasetField:gs://bucket:/path/to/data:col_A', { kind: 'datasetField', namespace: 'gs://bucket', dataset: '/path/to/data', field: 'col_A' }],
  [
    `datasetField:my-namespace:my-dataset:colA#${VERSION}`,
    { kind: 'datasetField', namespace: 'my-namespace', dataset: 'my-dataset', field: 'colA', version: VERSION },
  ],
  [
    `datasetField:gs://bucket:/path/to/data:col_A#${VERSION}`,
    { kind: 'datasetField', namespace: 'gs://bucket', dataset: '/path/to/data', field: 'col_A', version: VERSION },
  ],
  // A run, the spec's example, and research/standards.md §2's URI namespace with a port.
  ['run:43d7db3b-8984-4cda-b237-8c6919b36670', { kind: 'run', runId: '43d7db3b-8984-4cda-b237-8c6919b36670' }],
  ['dataset:food_delivery:public.delivery_7_days', { kind: 'dataset', namespace: 'food_delivery', name: 'public.delivery_7_days' }],
  ['dataset:postgres://db:5432:mydb.public.orders', { kind: 'dataset', namespace: 'postgres://db:5432', name: 'mydb.public.orders' }],
  ['datasetField:postgres://db:5432:mydb.public.orders:order_id', { kind: 'datasetField', namespace: 'postgres://db:5432', dataset: 'mydb.public.orders', field: 'order_id' }],
  // With exactly as many colons as parts, each separates, so a name may start with a digit.
  ['job:etl:2024_backfill', { kind: 'job', namespace: 'etl', name: '2024_backfill' }],
  [`job:etl:2024_backfill#${VERSION}`, { kind: 'job', namespace: 'etl', name: '2024_backfill', version: VERSION }],
  // Where Marquez's rule finds no separator (the name starts with a digit), a port is still told from a name.
  ['dataset:postgres://db:5432:2024_sales', { kind: 'dataset', namespace: 'postgres://db:5432', name: '2024_sales' }],
  // A `#` that is not followed by a UUID belongs to the name, as in Marquez.
  ['dataset:my-namespace:report#draft', { kind: 'dataset', namespace: 'my-namespace', name: 'report#draft' }],
];

describe('Marquez node ids', () => {
  for (const [text, id] of CASES) {
    it(`reads ${text} and writes it back`, () => {
      expect(parseNodeId(text)).toEqual(id);
      expect(formatNodeId(id)).toBe(text);
    });
  }

  it.each([
    ['orders', 'must start with dataset:, datasetField:, job: or run:'],
    ['table:ns:orders', 'must start with dataset:, datasetField:, job: or run:'],
    ['run:not-a-uuid', 'a run id must be run:<uuid>'],
    [`run:43d7db3b-8984-4cda-b237-8c6919b36670#${VERSION}`, 'a run id must be run:<uuid>'],
    ['dataset:orders', 'expected dataset:<namespace>:<name>, the name is missing'],
    ['dataset::orders', 'expected dataset:<namespace>:<name>, the namespace is missing'],
    ['job:etl:', 'expected job:<namespace>:<name>, the name is missing'],
    ['dataset:postgres://db:5432', 'expected dataset:<namespace>:<name>, the name is missing'],
    ['dataset:ns#draft', 'expected dataset:<namespace>:<name>, the name is missing'],
    ['datasetField:ns:orders', 'expected datasetField:<namespace>:<dataset>:<field>, the field is missing'],
  ])('refuses %s: %s', (text, reason) => {
    const error = (() => {
      try {
        parseNodeId(text);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidNodeIdError);
    // An invalid parameter, so the API answers 400 without knowing this error.
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error).toMatchObject({ text, reason, kind: 'invalid-parameter', message: `Invalid node id ${JSON.stringify(text)}: ${reason}` });
  });
});
