import { describe, expect, it } from 'vitest';
import { LINEAGE_LIMITS } from './identity-limits.js';
import { MAX_ISSUES } from './issues.js';
import { type LineageValidation, validateLineageEvent } from './validate-event.js';

const PRODUCER = 'https://github.com/quanta-test/producer/v1';
const facet = (schemaFile: string) => ({ _producer: PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/1-0-1/${schemaFile}` });

/** A valid RunEvent touching every facet location; each test breaks one thing. */
function runEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2024-05-01T12:00:00.123456Z',
    producer: PRODUCER,
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: 'd46f2b4e-6a4c-4a3e-9a43-6b1d8c1f2a77', facets: { errorMessage: { ...facet('ErrorMessageRunFacet.json'), message: 'boom', programmingLanguage: 'SQL' } } },
    job: { namespace: 'quanta', name: 'daily.orders', facets: { ownership: { ...facet('OwnershipJobFacet.json'), owners: [{ name: 'team:sales' }] } } },
    inputs: [{ namespace: 'postgres://db:5432', name: 'shop.public.orders', facets: {}, inputFacets: {} }],
    outputs: [
      {
        namespace: 'postgres://db:5432',
        name: 'shop.public.daily_orders',
        facets: { schema: { ...facet('SchemaDatasetFacet.json'), fields: [{ name: 'order_id', type: 'integer' }] } },
        outputFacets: { outputStatistics: { ...facet('OutputStatisticsOutputDatasetFacet.json'), rowCount: 10 } },
      },
    ],
  };
}

const COLUMN_LINEAGE = {
  ...facet('ColumnLineageDatasetFacet.json'),
  fields: { order_id: { inputFields: [{ namespace: 'postgres://db:5432', name: 'shop.public.orders', field: 'id' }] } },
};

function issuesOf(result: LineageValidation) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('validateLineageEvent', () => {
  it('accepts a valid RunEvent and returns the input itself', () => {
    const event = runEvent();
    const result = validateLineageEvent(event);
    expect(result).toEqual({ ok: true, kind: 'run', event });
    expect(result.ok && result.event).toBe(event);
  });

  it('accepts static DatasetEvents and JobEvents, by their kind', () => {
    const { eventTime, producer } = runEvent();
    const schemaURL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent';
    const dataset = validateLineageEvent({ eventTime, producer, schemaURL, dataset: { namespace: 's3://lake', name: 'orders', facets: { columnLineage: COLUMN_LINEAGE } } });
    expect(dataset).toMatchObject({ ok: true, kind: 'dataset' });
    expect(validateLineageEvent({ eventTime, producer, schemaURL, job: { namespace: 'quanta', name: 'declared' }, outputs: [] })).toMatchObject({ ok: true, kind: 'job' });
  });

  it.each([
    ['a string', 'text', 'event: must be a JSON object, not a string'],
    ['a number', 42, 'event: must be a JSON object, not a number'],
    ['null', null, 'event: must be a JSON object, not null'],
    ['an array', [runEvent()], 'event: must be a JSON object, not an array'],
  ])('refuses %s with one issue about the whole event', (_, raw, message) => {
    expect(issuesOf(validateLineageEvent(raw))).toEqual([{ pointer: '', message }]);
  });

  it('refuses an object that is no kind of event, and one that is two kinds, with one issue each', () => {
    expect(issuesOf(validateLineageEvent({ eventTime: '2024-05-01T12:00:00Z' }))).toEqual([
      { pointer: '', message: 'event: must be an OpenLineage RunEvent (with run and job), JobEvent (with job) or DatasetEvent (with dataset)' },
    ]);
    const twoKinds: Record<string, any> = { ...runEvent(), dataset: { namespace: 's3://lake', name: 'orders' } };
    delete twoKinds.run;
    expect(issuesOf(validateLineageEvent(twoKinds))).toHaveLength(1);
  });

  it.each([
    ['a wrong eventType', (event: any) => (event.eventType = 'FINISHED'), '/eventType', '/eventType: must be one of "START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"'],
    ['a runId that is not a UUID', (event: any) => (event.run.runId = 'run-1'), '/run/runId', '/run/runId: must be a UUID'],
    ['an unsubstituted template', (event: any) => (event.run.runId = '{{ any(result) }}'), '/run/runId', '/run/runId: must be a UUID'],
    ['an eventTime without offset', (event: any) => (event.eventTime = '2024-05-01T12:00:00.123'), '/eventTime', '/eventTime: must be a date-time with a UTC offset (RFC 3339, e.g. 2024-05-01T12:00:00Z)'],
    ['a job without namespace', (event: any) => delete event.job.namespace, '/job/namespace', '/job/namespace: is required'],
    ['a producer that is not a URI', (event: any) => (event.producer = 'my producer'), '/producer', '/producer: must be an absolute URI'],
    ['a schemaURL that is not a URI', (event: any) => (event.schemaURL = 'OpenLineage.json'), '/schemaURL', '/schemaURL: must be an absolute URI'],
    ['a dataset without name', (event: any) => delete event.inputs[0].name, '/inputs/0/name', '/inputs/0/name: is required'],
  ])('refuses %s with exactly one issue at its pointer', (_, breakIt, pointer, message) => {
    const event = runEvent();
    breakIt(event);
    expect(issuesOf(validateLineageEvent(event))).toEqual([{ pointer, message }]);
  });

  it('accepts a missing schemaURL (Marquez does) but no other missing base field', () => {
    const { schemaURL: _, ...event } = runEvent();
    expect(validateLineageEvent(event)).toMatchObject({ ok: true, kind: 'run' });
    const { producer: __, ...noProducer } = runEvent();
    expect(issuesOf(validateLineageEvent(noProducer))).toEqual([{ pointer: '/producer', message: '/producer: is required' }]);
  });

  it('accepts an eventTime with an offset other than Z', () => {
    const event = { ...runEvent(), eventTime: '2024-05-01T14:00:00+02:00' };
    expect(validateLineageEvent(event).ok).toBe(true);
  });

  it('validates a known facet against its own schema, with pointers into the facet', () => {
    const event = runEvent();
    event.outputs[0].facets.schema.fields = [{ name: 42 }, { type: 'text' }];
    event.job.facets.ownership.owners = [{ type: 'team' }];
    expect(issuesOf(validateLineageEvent(event))).toEqual([
      { pointer: '/job/facets/ownership/owners/0/name', message: '/job/facets/ownership/owners/0/name: is required' },
      { pointer: '/outputs/0/facets/schema/fields/0/name', message: '/outputs/0/facets/schema/fields/0/name: must be a string' },
      { pointer: '/outputs/0/facets/schema/fields/1/name', message: '/outputs/0/facets/schema/fields/1/name: is required' },
    ]);
  });

  it('knows a facet by its location: input facets and dataset facets of the same name differ', () => {
    const event = runEvent();
    event.inputs[0].inputFacets.dataQualityMetrics = { ...facet('DataQualityMetricsInputDatasetFacet.json'), rowCount: 'many' };
    expect(issuesOf(validateLineageEvent(event))).toEqual([
      { pointer: '/inputs/0/inputFacets/dataQualityMetrics/columnMetrics', message: '/inputs/0/inputFacets/dataQualityMetrics/columnMetrics: is required' },
      { pointer: '/inputs/0/inputFacets/dataQualityMetrics/rowCount', message: '/inputs/0/inputFacets/dataQualityMetrics/rowCount: must be an integer' },
    ]);
    // `sql` is a job facet: on a dataset it is custom, held to the base facet only.
    const elsewhere = runEvent();
    elsewhere.inputs[0].facets.sql = { ...facet('SQLJobFacet.json') };
    expect(validateLineageEvent(elsewhere).ok).toBe(true);
  });

  it('keeps a custom facet untouched, holding it to the base facet only', () => {
    const event = runEvent();
    const custom = { ...facet('custom.json'), spark: { plan: [{ node: 'Scan', children: [] }] }, fields: 'not what schema means' };
    event.run.facets.spark_logicalPlan = custom;
    event.outputs[0].facets.acme_quality = { ...facet('acme.json'), score: 0.9 };
    const result = validateLineageEvent(event);
    expect(result.ok).toBe(true);
    expect(result.ok && result.kind === 'run' && result.event.run.facets?.spark_logicalPlan).toBe(custom);
    expect(custom).toEqual({ ...facet('custom.json'), spark: { plan: [{ node: 'Scan', children: [] }] }, fields: 'not what schema means' });

    delete event.outputs[0].facets.acme_quality._producer;
    expect(issuesOf(validateLineageEvent(event))).toEqual([
      { pointer: '/outputs/0/facets/acme_quality/_producer', message: '/outputs/0/facets/acme_quality/_producer: is required' },
    ]);
  });

  it('accepts a facet marked _deleted without holding it to its full schema', () => {
    const incomplete = { ...facet('ColumnLineageDatasetFacet.json') };
    const event = runEvent();
    event.outputs[0].facets.columnLineage = { ...incomplete, _deleted: true };
    expect(validateLineageEvent(event).ok).toBe(true);
    event.outputs[0].facets.columnLineage = incomplete;
    expect(issuesOf(validateLineageEvent(event))).toEqual([
      { pointer: '/outputs/0/facets/columnLineage/fields', message: '/outputs/0/facets/columnLineage/fields: is required' },
    ]);
  });

  it('reports a facet that is not an object once, without the summary of the alternatives', () => {
    const event = runEvent();
    event.run.facets.nominalTime = 'yesterday';
    expect(issuesOf(validateLineageEvent(event))).toEqual([{ pointer: '/run/facets/nominalTime', message: '/run/facets/nominalTime: must be an object' }]);
  });

  it('keeps the issue list short and free of duplicates', () => {
    const event = runEvent();
    event.outputs = Array.from({ length: 30 }, (_, index) => ({ namespace: 'ns', name: `out${index}`, facets: { schema: { fields: 'x' } } }));
    const issues = issuesOf(validateLineageEvent(event));
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues.at(-1)?.message).toMatch(/^event: \d+ more issues not shown$/);
    expect(new Set(issues.map((issue) => `${issue.pointer} ${issue.message}`)).size).toBe(issues.length);
  });

  it('refuses an event nested too deep before walking it', () => {
    const event = runEvent();
    let fields: any[] = event.outputs[0].facets.schema.fields;
    for (let level = 0; level < 40; level++) {
      const nested = [{ name: `level${level}` }];
      fields[0].fields = nested;
      fields = nested;
    }
    const issues = issuesOf(validateLineageEvent(event));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^\/outputs\/0\/facets\/schema\/fields\/0\/fields\/.*: nested deeper than 64 levels$/);
  });

  it('refuses a name that is empty or too long, and says where and by how much', () => {
    const long = 'x'.repeat(LINEAGE_LIMITS.name + 1);
    const event = runEvent();
    event.job.name = '';
    event.outputs[0].name = long;
    event.outputs[0].facets.schema.fields[0].fields = [{ name: long }];
    event.outputs[0].facets.columnLineage = { ...COLUMN_LINEAGE, fields: { order_id: { inputFields: [{ namespace: 'n', name: 'd', field: '' }] } } };
    expect(issuesOf(validateLineageEvent(event)).map((i) => i.message)).toEqual(
      expect.arrayContaining([
        '/job/name: must not be empty',
        `/outputs/0/name: is ${LINEAGE_LIMITS.name + 1} characters long; at most ${LINEAGE_LIMITS.name}`,
        `/outputs/0/facets/schema/fields/0/fields/0/name: is ${LINEAGE_LIMITS.name + 1} characters long; at most ${LINEAGE_LIMITS.name}`,
        '/outputs/0/facets/columnLineage/fields/order_id/inputFields/0/field: must not be empty',
      ]),
    );
    const fine = runEvent();
    fine.outputs[0].name = 'x'.repeat(LINEAGE_LIMITS.name);
    expect(validateLineageEvent(fine).ok).toBe(true);
  });

  it('refuses more inputs than the limit, naming the list', () => {
    const event = runEvent();
    event.inputs = Array.from({ length: LINEAGE_LIMITS.datasets + 1 }, (_, i) => ({ namespace: 'n', name: `t${i}` }));
    expect(issuesOf(validateLineageEvent(event))).toEqual([{ pointer: '/inputs', message: `/inputs: holds ${LINEAGE_LIMITS.datasets + 1} datasets; at most ${LINEAGE_LIMITS.datasets}` }]);
  });

  it('accepts as many outputs as the limit, and refuses one more', () => {
    const event = runEvent();
    event.outputs = Array.from({ length: LINEAGE_LIMITS.datasets }, (_, i) => ({ namespace: 'n', name: `t${i}` }));
    expect(validateLineageEvent(event).ok).toBe(true);
    event.outputs.push({ namespace: 'n', name: 'one-too-many' });
    expect(issuesOf(validateLineageEvent(event)).map((i) => i.pointer)).toEqual(['/outputs']);
  });

  // Neo4j refuses an index key over 8,164 bytes, and percent-encoding spells a byte in up to 3
  // characters: 512 CJK characters in a namespace and a name made a 9 KB IRI and a 500.
  it('refuses a name over the UTF-8 byte bound, however few its characters', () => {
    const bytesMessage = (bytes: number) => `/outputs/0/name: is ${bytes} bytes long in UTF-8; at most ${LINEAGE_LIMITS.nameBytes} (a character outside ASCII takes 2 to 4)`;
    const named = (name: string) => {
      const event = runEvent();
      event.outputs[0].name = name;
      return validateLineageEvent(event);
    };
    expect(named('中'.repeat(LINEAGE_LIMITS.nameBytes / 3)).ok).toBe(true);
    expect(issuesOf(named('中'.repeat(LINEAGE_LIMITS.nameBytes / 3 + 1))).map((i) => i.message)).toEqual([bytesMessage(LINEAGE_LIMITS.nameBytes + 3)]);
    expect(named('é'.repeat(LINEAGE_LIMITS.nameBytes / 2)).ok).toBe(true);
    expect(named('😀'.repeat(LINEAGE_LIMITS.nameBytes / 4)).ok).toBe(true); // a surrogate pair: 2 code units, 4 bytes
    expect(issuesOf(named('😀'.repeat(LINEAGE_LIMITS.nameBytes / 4 + 1))).map((i) => i.message)).toEqual([bytesMessage(LINEAGE_LIMITS.nameBytes + 4)]);
    expect(named('/'.repeat(LINEAGE_LIMITS.name)).ok).toBe(true); // any ASCII name within the character bound fits
  });

  it("holds a nested field's dotted name to the same bounds, reported once where it grows too long", () => {
    const part = 'f'.repeat(300);
    const event = runEvent();
    event.outputs[0].facets.schema.fields = [{ name: part, fields: [{ name: part, fields: [{ name: part }] }] }];
    expect(issuesOf(validateLineageEvent(event))).toEqual([
      {
        pointer: '/outputs/0/facets/schema/fields/0/fields/0/name',
        message: `/outputs/0/facets/schema/fields/0/fields/0/name: names a nested field whose dotted name is 601 characters long; at most ${LINEAGE_LIMITS.name}`,
      },
    ]);
    const fine = runEvent();
    fine.outputs[0].facets.schema.fields = [{ name: 'a'.repeat(255), fields: [{ name: 'b'.repeat(256) }] }];
    expect(validateLineageEvent(fine).ok).toBe(true);
  });

  it('does not read the names of a deleted facet', () => {
    const event = runEvent();
    event.outputs[0].facets.schema = { ...facet('SchemaDatasetFacet.json'), _deleted: true, fields: [{ name: '' }] };
    expect(validateLineageEvent(event).ok).toBe(true);
  });

  it('refuses a lone surrogate in a key or a value, at its pointer', () => {
    const inValue = runEvent();
    inValue.job.name = 'bad\ud800';
    expect(issuesOf(validateLineageEvent(inValue))).toEqual([{ pointer: '/job/name', message: '/job/name: must be well-formed Unicode (it holds a lone UTF-16 surrogate)' }]);
    const inKey = runEvent();
    inKey.run.facets['x\udc00'] = {};
    expect(issuesOf(validateLineageEvent(inKey))[0]?.pointer).toBe('/run/facets/x\udc00');
  });
});

