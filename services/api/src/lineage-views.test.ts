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

  it('names run states as Marquez does, a run of OTHER events only being NEW', () => {
    expect(marquezRunState({ state: 'OTHER' })).toBe('NEW');
    expect(marquezRunState({ state: 'OTHER', startedAt: 't0' })).toBe('RUNNING');
    expect(marquezRunState({ state: 'COMPLETE' })).toBe('COMPLETED');
    expect(marquezRunState({ state: 'FAIL' })).toBe('FAILED');
    expect(jobData(job({}, { runId: 'r', job: jobIri('etl', 'stream'), state: 'ABORT' })).latestRun).toMatchObject({ id: 'r', state: 'ABORTED' });
  });
});
