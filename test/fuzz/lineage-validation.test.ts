import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateLineageEvent } from '@quanta/openlineage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/index.js';
import { anyJson, mutationsOf, RUNS } from './arbitraries.js';
import { inProcessApi } from './in-process-api.js';

const FIXTURES = join(ROOT, '..', 'shared', 'fixtures', 'marquez', 'api', 'src', 'test', 'resources', 'open_lineage');
/** Marquez's own test events (not the 220 KB one: mutating it costs time and adds no path). */
const events = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json') && f !== 'event_large.json')
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as unknown);
const inputs = fc.oneof(anyJson, fc.constantFrom(...events).chain((event) => mutationsOf(event)));

describe('fuzzing OpenLineage validation (issue 12)', () => {
  it(`never throws: every value is an event of one kind or refused with located issues (${RUNS} cases)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (raw) => {
        const result = validateLineageEvent(raw);
        if (result.ok) {
          accepted += 1;
          expect(['run', 'dataset', 'job']).toContain(result.kind);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  describe('through the lineage port', () => {
    let api: Awaited<ReturnType<typeof inProcessApi>>;
    beforeAll(async () => {
      api = await inProcessApi();
    });
    afterAll(() => api?.close());

    it(`answers 201, 200 or a problem, never a 5xx (${RUNS} cases)`, async () => {
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(inputs, async (raw) => {
          const res = await api.app.request('/api/v1/lineage', { method: 'POST', body: JSON.stringify(raw) ?? 'null', headers: { 'Content-Type': 'application/json' } });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          } else if (res.status === 201) stored += 1;
        }),
        { numRuns: RUNS },
      );
      expect(stored).toBeGreaterThan(0);
    });
  });
});
