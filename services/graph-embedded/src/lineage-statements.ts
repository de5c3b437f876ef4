import type Database from 'better-sqlite3';

type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;

/** A `runs` row. */
export interface RunRow {
  run_id: string;
  job: string;
  state: string;
  started_at: string | null;
  ended_at: string | null;
  last_event_at: string;
}

/** A `dataset_uses` row. */
export interface UseRow {
  job: string;
  role: 'reads' | 'writes';
  dataset: string;
  first_seen: string;
  last_seen: string;
}

/** A product link as the link queries return it. */
export interface LinkRow {
  from: string;
  to: string;
  via: 'declared' | 'dataset' | 'job';
  job: string | null;
  dataset: string | null;
}

/** Every statement the lineage store runs, prepared once per connection. */
export interface LineageStatements {
  readonly eventHash: Statement<[string], { hash: string }>;
  readonly insertEvent: Statement;
  readonly runEvents: Statement<[string], { event_type: string; event_time: string }>;
  readonly run: Statement<[string], RunRow>;
  readonly upsertRun: Statement;
  readonly latestRun: Statement<[string], RunRow>;
  readonly facets: Statement<[string], { facets: string; updated_at: string }>;
  readonly upsertFacets: Statement;
  readonly upsertUse: Statement;
  readonly usesOfJob: Statement<[string], UseRow>;
  readonly exposedBy: Statement<[string], { product: string; port: string }>;
  readonly links: Readonly<Record<'upstream' | 'downstream', Statement<[{ products: string }], LinkRow>>>;
  readonly readersOfProduct: Statement<[string], { job: string; dataset: string; last_seen: string }>;
  readonly productsWrittenBy: Statement<[string, string], { product: string }>;
}

// One hop of product lineage, for a JSON array of product IRIs (`json_each`), in three ways:
// declared (an input port names the product), dataset (an input port names a dataset the other
// product exposes) and job (a job read one product's dataset and wrote the other's).
const UPSTREAM = `
SELECT DISTINCT e.dst AS "from", e.src AS "to", 'declared' AS via, NULL AS job, NULL AS dataset
  FROM edges e WHERE e.type = 'consumes' AND e.src IN (SELECT value FROM json_each(@products))
UNION
SELECT DISTINCT q.src, r.src, 'dataset', NULL, r.dst
  FROM edges r
  JOIN edges x ON x.dst = r.dst AND x.type = 'exposesDataset'
  JOIN edges q ON q.dst = x.src AND q.type = 'hasOutputPort'
 WHERE r.type = 'readsDataset' AND r.src IN (SELECT value FROM json_each(@products)) AND q.src <> r.src
UNION
SELECT DISTINCT q.src, p.src, 'job', w.src, r.dst
  FROM edges p
  JOIN edges x ON x.src = p.dst AND x.type = 'exposesDataset'
  JOIN edges w ON w.dst = x.dst AND w.type = 'writes'
  JOIN edges r ON r.src = w.src AND r.type = 'reads'
  JOIN edges y ON y.dst = r.dst AND y.type = 'exposesDataset'
  JOIN edges q ON q.dst = y.src AND q.type = 'hasOutputPort'
 WHERE p.type = 'hasOutputPort' AND p.src IN (SELECT value FROM json_each(@products)) AND q.src <> p.src`;

const DOWNSTREAM = `
SELECT DISTINCT e.dst AS "from", e.src AS "to", 'declared' AS via, NULL AS job, NULL AS dataset
  FROM edges e WHERE e.type = 'consumes' AND e.dst IN (SELECT value FROM json_each(@products))
UNION
SELECT DISTINCT q.src, r.src, 'dataset', NULL, r.dst
  FROM edges q
  JOIN edges x ON x.src = q.dst AND x.type = 'exposesDataset'
  JOIN edges r ON r.dst = x.dst AND r.type = 'readsDataset'
 WHERE q.type = 'hasOutputPort' AND q.src IN (SELECT value FROM json_each(@products)) AND q.src <> r.src
UNION
SELECT DISTINCT q.src, p.src, 'job', w.src, r.dst
  FROM edges q
  JOIN edges y ON y.src = q.dst AND y.type = 'exposesDataset'
  JOIN edges r ON r.dst = y.dst AND r.type = 'reads'
  JOIN edges w ON w.src = r.src AND w.type = 'writes'
  JOIN edges x ON x.dst = w.dst AND x.type = 'exposesDataset'
  JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
 WHERE q.type = 'hasOutputPort' AND q.src IN (SELECT value FROM json_each(@products)) AND q.src <> p.src`;

/** Prepares the lineage statements. */
export function prepareLineageStatements(db: Database.Database): LineageStatements {
  return {
    eventHash: db.prepare<[string], { hash: string }>('SELECT hash FROM lineage_events WHERE key = ?'),
    insertEvent: db.prepare(
      `INSERT INTO lineage_events (key, hash, kind, run_id, event_type, event_time, event)
       VALUES (@key, @hash, @kind, @runId, @eventType, @eventTime, @event)`,
    ),
    runEvents: db.prepare<[string], { event_type: string; event_time: string }>('SELECT event_type, event_time FROM lineage_events WHERE run_id = ?'),
    run: db.prepare<[string], RunRow>('SELECT * FROM runs WHERE run_id = ?'),
    upsertRun: db.prepare(
      `INSERT INTO runs (run_id, job, state, started_at, ended_at, last_event_at)
       VALUES (@runId, @job, @state, @startedAt, @endedAt, @lastEventAt)
       ON CONFLICT(run_id) DO UPDATE SET state = excluded.state, started_at = excluded.started_at,
         ended_at = excluded.ended_at, last_event_at = excluded.last_event_at`,
    ),
    latestRun: db.prepare<[string], RunRow>('SELECT * FROM runs WHERE job = ? ORDER BY last_event_at DESC, run_id DESC LIMIT 1'),
    facets: db.prepare<[string], { facets: string; updated_at: string }>('SELECT facets, updated_at FROM lineage_facets WHERE iri = ?'),
    upsertFacets: db.prepare(
      `INSERT INTO lineage_facets (iri, facets, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(iri) DO UPDATE SET facets = excluded.facets, updated_at = max(updated_at, excluded.updated_at)`,
    ),
    upsertUse: db.prepare(
      `INSERT INTO dataset_uses (job, role, dataset, first_seen, last_seen) VALUES (@job, @role, @dataset, @at, @at)
       ON CONFLICT(job, role, dataset) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
         last_seen = max(last_seen, excluded.last_seen)`,
    ),
    usesOfJob: db.prepare<[string], UseRow>('SELECT * FROM dataset_uses WHERE job = ? ORDER BY role, dataset'),
    exposedBy: db.prepare<[string], { product: string; port: string }>(
      `SELECT DISTINCT p.src AS product, x.src AS port FROM edges x JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
        WHERE x.dst = ? AND x.type = 'exposesDataset' ORDER BY product, port`,
    ),
    links: { upstream: db.prepare<[{ products: string }], LinkRow>(UPSTREAM), downstream: db.prepare<[{ products: string }], LinkRow>(DOWNSTREAM) },
    readersOfProduct: db.prepare<[string], { job: string; dataset: string; last_seen: string }>(
      `SELECT DISTINCT u.job, u.dataset, u.last_seen FROM edges p
         JOIN edges x ON x.src = p.dst AND x.type = 'exposesDataset'
         JOIN dataset_uses u ON u.dataset = x.dst AND u.role = 'reads'
        WHERE p.src = ? AND p.type = 'hasOutputPort' ORDER BY u.job, u.dataset`,
    ),
    productsWrittenBy: db.prepare<[string, string], { product: string }>(
      `SELECT DISTINCT p.src AS product FROM dataset_uses u
         JOIN edges x ON x.dst = u.dataset AND x.type = 'exposesDataset'
         JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
        WHERE u.job = ? AND u.role = 'writes' AND p.src <> ? ORDER BY product`,
    ),
  };
}
