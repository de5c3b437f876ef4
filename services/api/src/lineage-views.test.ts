import { describe, expect, it } from 'vitest';
import type { LineageNode } from '@quanta/core';
import { datasetIri, jobIri } from '@quanta/model';
import { marquezLineage, marquezRunState } from './lineage-views.js';

const job = (facets: Record<string, unknown>, latestRun?: LineageNode['latestRun']): LineageNode => ({
  iri: jobIri('etl', 'stream'),
  kind: 'Job',
  namespace: 'etl',
  name: 'stream',
  facets,
  inputs: [{ dataset: datasetIri('kafka', 'plays'), firstSeen: 't0', lastSeen: 't1' }],
  outputs: [],
  ...(latestRun && { latestRun }),
});

const jobData = (n: LineageNode) => marquezLineage({ nodes: [n], edges: [], truncated: false }).graph[0]?.data as Record<string, unknown>;

describe('Marquez lineage view', () => {
  it("names a job's type as Marquez does: STREAMING processing is a STREAM job, anything else BATCH", () => {
    expect(jobData(job({ jobType: { processingType: 'STREAMING', jobType: 'JOB' } })).type).toBe('STREAM');
    expect(jobData(job({ jobType: { processingType: 'BATCH' } })).type).toBe('BATCH');
    expect(jobData(job({})).type).toBe('BATCH');
  });

  // Marquez's OpenLineageDao.getRunState sends every type but COMPLETE, ABORT and FAIL to RUNNING.
  it('names run states as Marquez does, a run of OTHER events only being RUNNING', () => {
    expect(marquezRunState({ state: 'OTHER' })).toBe('RUNNING');
    expect(marquezRunState({ state: 'START' })).toBe('RUNNING');
    expect(marquezRunState({ state: 'COMPLETE' })).toBe('COMPLETED');
    expect(marquezRunState({ state: 'FAIL' })).toBe('FAILED');
    expect(jobData(job({}, { runId: 'r', job: jobIri('etl', 'stream'), state: 'ABORT' })).latestRun).toMatchObject({ id: 'r', state: 'ABORTED' });
  });

  it("gives a run's duration in milliseconds once it has started and ended, as Marquez does", () => {
    const ended = { runId: 'r', job: jobIri('etl', 'stream'), state: 'COMPLETE' as const, startedAt: '2026-01-01T00:00:00.000000000Z', endedAt: '2026-01-01T00:01:30.250000000Z' };
    expect(jobData(job({}, ended)).latestRun).toMatchObject({ startedAt: ended.startedAt, endedAt: ended.endedAt, durationMs: 90_250 });
    expect(jobData(job({}, { runId: 'r', job: jobIri('etl', 'stream'), state: 'OTHER' })).latestRun).toEqual({ id: 'r', state: 'RUNNING', startedAt: null, endedAt: null, durationMs: null });
  });

  it("takes a dataset's lastLifecycleState from its lifecycleStateChange facet", () => {
    const dataset = (facets: Record<string, unknown>): LineageNode => ({ iri: datasetIri('kafka', 'plays'), kind: 'Dataset', namespace: 'kafka', name: 'plays', facets });
    const data = (n: LineageNode) => marquezLineage({ nodes: [n], edges: [], truncated: false }).graph[0]?.data as Record<string, unknown>;
    expect(data(dataset({ lifecycleStateChange: { lifecycleStateChange: 'OVERWRITE' } }))).toMatchObject({ type: 'DB_TABLE', lastLifecycleState: 'OVERWRITE' });
    expect(data(dataset({})).lastLifecycleState).toBeNull();
  });
});
