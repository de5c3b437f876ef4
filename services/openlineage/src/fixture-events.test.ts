import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateLineageEvent } from './validate-event.js';

// The OpenLineage and Marquez fixtures (research/standards.md §1–2), located from this file so the
// test runs wherever the repository is cloned with shared/ beside it.
const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);

/**
 * Every fixture file that holds OpenLineage events, and what the validator must say of it. A file
 * holding an array of events gets one verdict for every element. `invalid: <pointer>` means refused
 * with an issue at exactly that pointer (there may be others).
 */
const EVENT_FILES: Readonly<Record<string, 'valid' | `invalid: ${string}`>> = {
  'openlineage/client/python/tests/example_full_event.json': 'valid',
  // The Python client's serde examples write local times, which cannot be ordered.
  'openlineage/client/python/tests/serde_example_dataset_event.json': 'invalid: /eventTime',
  'openlineage/client/python/tests/serde_example_job_event.json': 'invalid: /eventTime',
  'openlineage/client/python/tests/serde_example_run_event.json': 'invalid: /eventTime',
  // dbt test expectations: placeholders (`"runId": "{{ any(result) }}"`), no producer or schemaURL.
  'openlineage/integration/common/tests/dbt/structured_logs/postgres/run/results/failed_run_ol_events.json': 'invalid: /run/runId',
  'openlineage/integration/common/tests/dbt/structured_logs/postgres/run/results/successful_run_ol_events.json': 'invalid: /run/runId',
  'openlineage/integration/common/tests/dbt/structured_logs/postgres/seed/results/seed_ol_events.json': 'invalid: /run/runId',
  'openlineage/spec/tests/example_full_event.json': 'valid',
  // No schemaURL in any apples event: accepted on purpose (Marquez accepts it).
  'marquez/api/src/test/resources/apples/1_pick_apples.json': 'valid',
  'marquez/api/src/test/resources/apples/2_apple_filling.json': 'valid',
  'marquez/api/src/test/resources/apples/3_apple_cider.json': 'valid',
  'marquez/api/src/test/resources/apples/5_apple_vinegar.json': 'valid',
  'marquez/api/src/test/resources/apples/6_apple_pie.json': 'valid',
  'marquez/api/src/test/resources/apples/7_pick_different_apples.json': 'valid',
  'marquez/api/src/test/resources/apples/8_apple_filling.json': 'valid',
  'marquez/api/src/test/resources/apples/9_apple_pie.json': 'valid',
  // Filled from an OpenAPI sample: the dataSource `uri` (and a sourceCodeLocation `url`) is the word "string".
  'marquez/api/src/test/resources/open_lineage/event_additional_facet.json': 'invalid: /inputs/0/facets/dataSource/uri',
  'marquez/api/src/test/resources/open_lineage/event_dataset_event.json': 'valid',
  // Core-valid, but its dataQualityMetrics input facet lacks the required columnMetrics (and its dataSource uri is "string").
  'marquez/api/src/test/resources/open_lineage/event_full.json': 'invalid: /inputs/0/inputFacets/dataQualityMetrics/columnMetrics',
  'marquez/api/src/test/resources/open_lineage/event_job_event.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_large.json': 'invalid: /inputs/0/facets/dataSource/uri',
  'marquez/api/src/test/resources/open_lineage/event_namespace_naming.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_required_nanoseconds.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_required_no_timezone.json': 'invalid: /eventTime',
  'marquez/api/src/test/resources/open_lineage/event_required_only.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_simple.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_unicode.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/event_without_schema_url.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/listener/1.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/listener/2.json': 'valid',
  'marquez/api/src/test/resources/open_lineage/null_nominal_end_time.json': 'valid',
  // The food_delivery demo is a template: every eventTime is a placeholder such as {{RUN_START_TIME}}.
  'marquez/docker/metadata.template.json': 'invalid: /eventTime',
};

/**
 * JSON fixture files that are not events, and why. Each is also checked by content: one that looks
 * like an event fails the test, so an event cannot hide here.
 */
const NOT_EVENTS: readonly { readonly path: RegExp; readonly why: string }[] = [
  { path: /^openlineage\/spec\/OpenLineage\.json$/, why: 'the core schema' },
  { path: /^openlineage\/spec\/facets\//, why: 'facet schemas' },
  { path: /^openlineage\/spec\/registry\//, why: 'facet registries and producer-specific facet schemas' },
  { path: /^openlineage\/spec\/tests\/[^/]+\//, why: 'single-facet samples, validated in facet-fixtures.test.ts' },
  { path: /^openlineage\/client\/python\/tests\/nominal_time_without_end\.json$/, why: 'a bare nominalTime facet' },
  { path: /^marquez\/api\/src\/test\/resources\/(column_)?lineage\/node\.json$/, why: 'Marquez GraphNode responses' },
];

/** Every `.json` file under the fixture folders, relative to them. */
function jsonFiles(folder: string): string[] {
  return readdirSync(new URL(folder, FIXTURES), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => `${folder}${file}`)
    .sort();
}

/** An event has an eventTime or names a run, job or dataset at its top level. */
function looksLikeEvent(value: unknown): boolean {
  const has = (key: string) => typeof value === 'object' && value !== null && Object.hasOwn(value, key);
  return has('eventTime') || has('run') || has('job') || has('dataset');
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
}

const files = [...jsonFiles('openlineage/'), ...jsonFiles('marquez/')];

describe('OpenLineage events in the fixtures', () => {
  it('lists every fixture file: in the table of events or, by path and content, not an event', () => {
    const unlisted = files.filter((file) => EVENT_FILES[file] === undefined && !NOT_EVENTS.some(({ path }) => path.test(file)));
    expect(unlisted).toEqual([]);
    const hidden = files.filter((file) => EVENT_FILES[file] === undefined && [read(file)].flat().some(looksLikeEvent));
    expect(hidden).toEqual([]);
    expect(Object.keys(EVENT_FILES).filter((file) => !files.includes(file))).toEqual([]);
  });

  for (const [file, verdict] of Object.entries(EVENT_FILES)) {
    it(`${file}: ${verdict}`, () => {
      const events = [read(file)].flat();
      expect(events.every(looksLikeEvent)).toBe(true);
      for (const [index, event] of events.entries()) {
        const result = validateLineageEvent(event);
        if (verdict === 'valid') {
          expect(result, `event ${index}`).toMatchObject({ ok: true });
        } else {
          expect(result.ok, `event ${index}`).toBe(false);
          const pointers = result.ok ? [] : result.issues.map((issue) => issue.pointer);
          expect(pointers, `event ${index}`).toContain(verdict.slice('invalid: '.length));
        }
      }
    });
  }

  it('accepts all 26 food_delivery events once the template placeholders are filled in', () => {
    const template = readFileSync(new URL('marquez/docker/metadata.template.json', FIXTURES), 'utf8');
    const filled = template
      .replaceAll('{{RUN_START_TIME}}', '2024-05-01T12:00:00Z')
      .replace(/\{\{RUN_END_TIME_AFTER_(\d+)_MINUTES\}\}/g, (_, minutes: string) => `2024-05-01T12:${minutes.padStart(2, '0')}:00Z`);
    const events = JSON.parse(filled) as unknown[];
    expect(events).toHaveLength(26);
    expect(events.map((event) => validateLineageEvent(event).ok)).toEqual(events.map(() => true));
  });

  it('tells run, dataset and job events apart', () => {
    const kindOf = (file: string) => {
      const result = validateLineageEvent(read(file));
      return result.ok ? result.kind : undefined;
    };
    expect(kindOf('marquez/api/src/test/resources/open_lineage/event_simple.json')).toBe('run');
    expect(kindOf('marquez/api/src/test/resources/open_lineage/event_dataset_event.json')).toBe('dataset');
    expect(kindOf('marquez/api/src/test/resources/open_lineage/event_job_event.json')).toBe('job');
  });
});
