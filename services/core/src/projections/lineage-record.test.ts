import { describe, expect, it } from 'vitest';
import { ValidationError, datasetIri } from '@quanta/model';
import { lineageRecord, normalizeEventTime, type OpenLineageEventView, recordDatasets } from './lineage-record.js';

const RUN = '7C1F2A3B-0000-4000-8000-000000000001';
const runEvent = (over: Partial<OpenLineageEventView> = {}): OpenLineageEventView => ({
  eventType: 'START',
  eventTime: '2026-03-01T10:00:00Z',
  run: { runId: RUN },
  job: { namespace: 'etl', name: 'daily' },
  inputs: [{ namespace: 'pg', name: 'src' }],
  outputs: [{ namespace: 'pg', name: 'out' }],
  ...over,
});

describe('normalizeEventTime', () => {
  it('writes one instant one way, whatever its offset or precision', () => {
    const same = ['2026-03-01T10:00:00Z', '2026-03-01T12:00:00+02:00', '2026-03-01T10:00:00.000000000+00:00', '2026-03-01t05:30:00-0430'];
    expect(new Set(same.map(normalizeEventTime))).toEqual(new Set(['2026-03-01T10:00:00.000000000Z']));
  });

  it('keeps nanoseconds, drops digits past them, so strings sort as instants', () => {
    expect(normalizeEventTime('2020-12-28T19:51:01.641499Z')).toBe('2020-12-28T19:51:01.641499000Z'); // Marquez's event_required_nanoseconds
    expect(normalizeEventTime('2026-01-02T03:04:05.1234567891Z')).toBe('2026-01-02T03:04:05.123456789Z');
    expect(normalizeEventTime('2020-12-28T19:52:00.001+10:00')).toBe('2020-12-28T09:52:00.001000000Z'); // Marquez's event_unicode
  });

  it('refuses a time without an offset at /eventTime (Marquez fixture event_required_no_timezone)', () => {
    let error: unknown;
    try {
      normalizeEventTime('2020-12-28T19:51:01.641499');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.pointer)).toEqual(['/eventTime']);
  });
});

describe('lineageRecord', () => {
  it('keys a run event by lower-cased run id, type and normalised time', () => {
    const record = lineageRecord('run', runEvent());
    expect(record.key).toBe(`run:${RUN.toLowerCase()}:START:2026-03-01T10:00:00.000000000Z`);
    expect(record.run).toMatchObject({ runId: RUN.toLowerCase(), eventType: 'START' });
  });

  it('takes an event without a known type for OTHER, a plain state report', () => {
    expect(lineageRecord('run', runEvent({ eventType: undefined })).run?.eventType).toBe('OTHER');
  });

  it('hashes the same instant written two ways alike, so a retry is a duplicate and not a conflict', () => {
    const z = lineageRecord('run', runEvent());
    const offset = lineageRecord('run', runEvent({ eventTime: '2026-03-01T10:00:00+00:00' }));
    expect([offset.key, offset.hash]).toEqual([z.key, z.hash]);
    expect(lineageRecord('run', runEvent({ outputs: [{ namespace: 'pg', name: 'other' }] })).hash).not.toBe(z.hash);
  });

  it('keys a static dataset event by its subject and time', () => {
    const record = lineageRecord('dataset', { eventTime: '2026-03-01T10:00:00Z', dataset: { namespace: 'pg', name: 'orders' } });
    expect(record.key).toBe(`dataset:${datasetIri('pg', 'orders')}:2026-03-01T10:00:00.000000000Z`);
  });
});

describe('recordDatasets', () => {
  it("names a dataset read and written once, the output's facets winning", () => {
    const record = lineageRecord(
      'run',
      runEvent({ inputs: [{ namespace: 'pg', name: 't', facets: { a: 'in', b: 'in' } }], outputs: [{ namespace: 'pg', name: 't', facets: { b: 'out' } }] }),
    );
    expect(recordDatasets(record)).toEqual([{ iri: datasetIri('pg', 't'), namespace: 'pg', name: 't', facets: { a: 'in', b: 'out' } }]);
  });
});
