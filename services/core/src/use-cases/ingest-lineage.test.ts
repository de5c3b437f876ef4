import { describe, expect, it, vi } from 'vitest';
import { ConflictError, ValidationError } from '@quanta/model';
import type { LineageRecord, LineageSaveResult } from '../ports/lineage-graph.js';
import { systemClock } from '../ports/clock.js';
import type { CatalogDeps } from './deps.js';
import { ingestLineageBatch, MAX_BATCH, toLineageRecord } from './ingest-lineage.js';

const event = (n: number, over: Record<string, unknown> = {}) => ({
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T10:00:00Z',
  producer: 'https://quanta.example/test',
  run: { runId: `7c1f2a3b-0000-4000-8000-${String(n).padStart(12, '0')}` },
  job: { namespace: 'etl', name: `job_${n}` },
  inputs: [{ namespace: 'pg', name: 'src' }],
  outputs: [{ namespace: 'pg', name: `out_${n}` }],
  ...over,
});

/** The ValidationError `toLineageRecord` throws for `raw`, or a failure when it throws none. */
function refusal(raw: unknown): ValidationError {
  try {
    toLineageRecord(raw);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the event was accepted');
}

/** Deps whose graph stores every record (or answers with `results`) and remembers what it was given. */
function fakeDeps(results?: (records: readonly LineageRecord[]) => LineageSaveResult[]) {
  const saveLineage = vi.fn(async (records: readonly LineageRecord[]) => results?.(records) ?? records.map(() => ({ ok: true as const, outcome: 'stored' as const, afterTerminal: false })));
  return { deps: { graph: { saveLineage }, clock: systemClock } as unknown as CatalogDeps, saveLineage };
}

describe('toLineageRecord', () => {
  it('builds the record of a valid event', () => {
    expect(toLineageRecord(event(1))).toMatchObject({ kind: 'run', key: `run:7c1f2a3b-0000-4000-8000-000000000001:COMPLETE:2026-03-01T10:00:00.000000000Z` });
  });

  it('refuses names out of bounds and too many datasets with a 422 naming the JSON Pointer', () => {
    expect(refusal(event(1, { outputs: [{ namespace: 'pg', name: 'v'.repeat(600) }] })).issues.map((i) => i.pointer)).toEqual(['/outputs/0/name']);
    expect(refusal(event(1, { job: { namespace: '', name: 'j' } })).issues.map((i) => i.pointer)).toEqual(['/job/namespace']);
    expect(refusal(event(1, { inputs: Array.from({ length: 1001 }, (_, i) => ({ namespace: 'pg', name: `t${i}` })) })).issues.map((i) => i.pointer)).toEqual(['/inputs']);
    const error = refusal(event(1, { outputs: [{ namespace: 'pg', name: 'v'.repeat(600) }] }));
    expect(error.message).toBe('Invalid OpenLineage event: /outputs/0/name: is 600 characters long; at most 512');
  });

  it('refuses a lone surrogate at its pointer, in one walk with the depth check', () => {
    expect(refusal(event(1, { outputs: [{ namespace: 'pg', name: 'out\udc00' }] })).issues).toEqual([
      { pointer: '/outputs/0/name', message: '/outputs/0/name: must be well-formed Unicode (it holds a lone UTF-16 surrogate)' },
    ]);
  });
});

describe('ingestLineageBatch', () => {
  it('reports an event out of bounds as validation-failed by its index and stores the others', async () => {
    const { deps, saveLineage } = fakeDeps();
    const report = await ingestLineageBatch(deps, [event(1), event(2, { outputs: [{ namespace: 'pg', name: 'v'.repeat(600) }] }), event(3)]);
    expect(report).toMatchObject({ received: 3, stored: 2, duplicates: 0 });
    expect(report.failed).toEqual([{ index: 1, kind: 'validation-failed', reason: expect.stringMatching(/600 characters/), issues: [expect.objectContaining({ pointer: '/outputs/0/name' })] }]);
    expect(saveLineage.mock.calls[0]?.[0].map((r) => r.job?.name)).toEqual(['job_1', 'job_3']);
  });

  it('reports a conflict by the index it had in the batch, not among the valid events', async () => {
    const conflict = new ConflictError('run under another job');
    const { deps } = fakeDeps((records) => records.map((_, i) => (i === 1 ? { ok: false as const, error: conflict } : { ok: true as const, outcome: 'stored' as const, afterTerminal: false })));
    const report = await ingestLineageBatch(deps, [{}, event(1), event(2)]);
    expect(report.failed.map((f) => [f.index, f.kind])).toEqual([
      [0, 'validation-failed'],
      [2, 'conflict'],
    ]);
  });

  it(`refuses a batch of more than ${MAX_BATCH} events whole, before reading any`, async () => {
    const { deps, saveLineage } = fakeDeps();
    await expect(ingestLineageBatch(deps, Array.from({ length: MAX_BATCH + 1 }, (_, i) => event(i)))).rejects.toThrow(ValidationError);
    expect(saveLineage).not.toHaveBeenCalled();
  });
});
