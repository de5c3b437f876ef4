import type Database from 'better-sqlite3';

type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;
type Id = number;

/** A `runs` row, its job as an IRI. */
export interface RunRow {
  run_id: string;
  job: string;
  state: string;
  started_at: string | null;
  end_type: string | null;
  ended_at: string | null;
  last_type: string;
  last_event_at: string;
}

/** A `dataset_uses` row, its dataset as an IRI. */
export interface UseRow {
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

/**
 * Every statement the lineage store runs, prepared once per connection. As in `Statements`,
 * writes take term ids and reads take and return IRIs.
 */
export interface LineageStatements {
  readonly eventHash: Statement<[string], { hash: string }>;
  readonly insertEvent: Statement;
  /** A run's events: the range of the key index that starts `run:<runId>:`. */
  readonly runEvents: Statement<[{ from: string; to: string }], { event_type: string; event_time: string; received_at: string | null }>;
  /** A run by the id of its IRI's term. */
  readonly runById: Statement<[Id], RunRow>;
  readonly run: Statement<[string], RunRow & { id: Id }>;
  readonly upsertRun: Statement;
  readonly latestRun: Statement<[string], RunRow>;
  readonly facets: Statement<[string], { facets: string; updated_at: string }>;
  readonly facetsById: Statement<[Id], { facets: string; updated_at: string }>;
  readonly upsertFacets: Statement<[Id, string, string]>;
  /** Records that an event saw the node, creating its (empty) facets row when missing. */
  readonly seenFacets: Statement<[Id, string]>;
  readonly upsertUse: Statement;
  readonly usesOfJob: Statement<[string], UseRow>;
  /** The ids an owner's edges touch, both ends. */
  readonly ownedEdgeEnds: Statement<[{ owner: Id }], Id>;
  /** Deletes a field, or a dataset known only from column lineage, once no edge touches it. */
  readonly dropOrphan: Statement<[{ id: Id }]>;
  readonly exposedBy: Statement<[string], { product: string; port: string }>;
  readonly links: Readonly<Record<'upstream' | 'downstream', Statement<[{ products: string }], LinkRow>>>;
  readonly readersOfProduct: Statement<[string], { job: string; dataset: string; last_seen: string }>;
  readonly productsWrittenBy: Statement<[{ job: string; product: string }], { product: string }>;
}

// One hop of product lineage, for a JSON array of product IRIs, in three ways: declared (an input
// port names the product), dataset (an input port names a dataset the other product exposes) and
// job (a job read one product's dataset and wrote the other's). Computed on ids, named at the end.
const PRODUCTS = 'ps(id) AS (SELECT t.id FROM json_each(@products) j JOIN terms t ON t.iri = j.value)';
const NAMED = `
SELECT f.iri AS "from", t.iri AS "to", l.via, j.iri AS job, d.iri AS dataset
  FROM links l JOIN terms f ON f.id = l.from_id JOIN terms t ON t.id = l.to_id
  LEFT JOIN terms j ON j.id = l.job_id LEFT JOIN terms d ON d.id = l.dataset_id`;

const UPSTREAM = `
WITH ${PRODUCTS}, links(from_id, to_id, via, job_id, dataset_id) AS (
SELECT e.dst, e.src, 'declared', NULL, NULL
  FROM edges e WHERE e.type = 'consumes' AND e.src IN (SELECT id FROM ps)
UNION
SELECT q.src, r.src, 'dataset', NULL, r.dst
  FROM edges r
  JOIN edges x ON x.dst = r.dst AND x.type = 'exposesDataset'
  JOIN edges q ON q.dst = x.src AND q.type = 'hasOutputPort'
 WHERE r.type = 'readsDataset' AND r.src IN (SELECT id FROM ps) AND q.src <> r.src
UNION
SELECT q.src, p.src, 'job', w.src, r.dst
  FROM edges p
  JOIN edges x ON x.src = p.dst AND x.type = 'exposesDataset'
  JOIN edges w ON w.dst = x.dst AND w.type = 'writes'
  JOIN edges r ON r.src = w.src AND r.type = 'reads'
  JOIN edges y ON y.dst = r.dst AND y.type = 'exposesDataset'
  JOIN edges q ON q.dst = y.src AND q.type = 'hasOutputPort'
 WHERE p.type = 'hasOutputPort' AND p.src IN (SELECT id FROM ps) AND q.src <> p.src)${NAMED}`;

const DOWNSTREAM = `
WITH ${PRODUCTS}, links(from_id, to_id, via, job_id, dataset_id) AS (
SELECT e.dst, e.src, 'declared', NULL, NULL
  FROM edges e WHERE e.type = 'consumes' AND e.dst IN (SELECT id FROM ps)
UNION
SELECT q.src, r.src, 'dataset', NULL, r.dst
  FROM edges q
  JOIN edges x ON x.src = q.dst AND x.type = 'exposesDataset'
  JOIN edges r ON r.dst = x.dst AND r.type = 'readsDataset'
 WHERE q.type = 'hasOutputPort' AND q.src IN (SELECT id FROM ps) AND q.src <> r.src
UNION
SELECT q.src, p.src, 'job', w.src, r.dst
  FROM edges q
  JOIN edges y ON y.src = q.dst AND y.type = 'exposesDataset'
  JOIN edges r ON r.dst = y.dst AND r.type = 'reads'
  JOIN edges w ON w.src = r.src AND w.type = 'writes'
  JOIN edges x ON x.dst = w.dst AND x.type = 'exposesDataset'
  JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
 WHERE q.type = 'hasOutputPort' AND q.src IN (SELECT id FROM ps) AND q.src <> p.src)${NAMED}`;

const RUN_COLUMNS = 'r.run_id, j.iri AS job, r.state, r.started_at, r.end_type, r.ended_at, r.last_type, r.last_event_at';

/** Prepares the lineage statements. */
export function prepareLineageStatements(db: Database.Database): LineageStatements {
  return {
    eventHash: db.prepare<[string], { hash: string }>('SELECT hash FROM lineage_events WHERE key = ?'),
    insertEvent: db.prepare(
      `INSERT INTO lineage_events (key, hash, kind, run_id, event_type, event_time, event, received_at)
       VALUES (@key, @hash, @kind, @runId, @eventType, @eventTime, @event, @receivedAt)`,
    ),
    runEvents: db.prepare<[{ from: string; to: string }], { event_type: string; event_time: string; received_at: string | null }>(
      'SELECT event_type, event_time, received_at FROM lineage_events WHERE key >= @from AND key < @to',
    ),
    runById: db.prepare<[Id], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs r JOIN terms j ON j.id = r.job WHERE r.id = ?`),
    run: db.prepare<[string], RunRow & { id: Id }>(
      `SELECT r.id, ${RUN_COLUMNS} FROM terms t JOIN runs r ON r.id = t.id JOIN terms j ON j.id = r.job WHERE t.iri = ?`,
    ),
    upsertRun: db.prepare(
      `INSERT INTO runs (id, run_id, job, state, started_at, end_type, ended_at, last_type, last_event_at)
       VALUES (@id, @runId, @job, @state, @startedAt, @endType, @endedAt, @lastType, @lastEventAt)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, started_at = excluded.started_at, end_type = excluded.end_type,
         ended_at = excluded.ended_at, last_type = excluded.last_type, last_event_at = excluded.last_event_at`,
    ),
    latestRun: db.prepare<[string], RunRow>(
      `SELECT ${RUN_COLUMNS} FROM terms j JOIN runs r ON r.job = j.id WHERE j.iri = ? ORDER BY r.last_event_at DESC, r.run_id DESC LIMIT 1`,
    ),
    facets: db.prepare<[string], { facets: string; updated_at: string }>(
      'SELECT f.facets, f.updated_at FROM terms t JOIN lineage_facets f ON f.id = t.id WHERE t.iri = ?',
    ),
    facetsById: db.prepare<[Id], { facets: string; updated_at: string }>('SELECT facets, updated_at FROM lineage_facets WHERE id = ?'),
    upsertFacets: db.prepare<[Id, string, string]>(
      `INSERT INTO lineage_facets (id, facets, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET facets = excluded.facets, updated_at = max(updated_at, excluded.updated_at)`,
    ),
    seenFacets: db.prepare<[Id, string]>(
      `INSERT INTO lineage_facets (id, facets, updated_at) VALUES (?, '{}', ?)
       ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at WHERE excluded.updated_at > updated_at`,
    ),
    upsertUse: db.prepare(
      `INSERT INTO dataset_uses (job, role, dataset, first_seen, last_seen) VALUES (@job, @role, @dataset, @at, @at)
       ON CONFLICT(job, role, dataset) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
         last_seen = max(last_seen, excluded.last_seen)
       WHERE excluded.first_seen < first_seen OR excluded.last_seen > last_seen`,
    ),
    usesOfJob: db.prepare<[string], UseRow>(
      `SELECT u.role, d.iri AS dataset, u.first_seen, u.last_seen FROM terms j JOIN dataset_uses u ON u.job = j.id
         JOIN terms d ON d.id = u.dataset WHERE j.iri = ? ORDER BY u.role, d.iri`,
    ),
    ownedEdgeEnds: db.prepare<[{ owner: Id }], Id>('SELECT src FROM edges WHERE owner = @owner UNION SELECT dst FROM edges WHERE owner = @owner').pluck(),
    dropOrphan: db.prepare<[{ id: Id }]>(
      `DELETE FROM nodes WHERE id = @id AND (kind = 'DatasetField' OR (kind = 'Dataset' AND stub = 1))
          AND NOT EXISTS (SELECT 1 FROM edges WHERE src = @id) AND NOT EXISTS (SELECT 1 FROM edges WHERE dst = @id)`,
    ),
    exposedBy: db.prepare<[string], { product: string; port: string }>(
      `SELECT DISTINCT pt.iri AS product, xt.iri AS port FROM terms d
         JOIN edges x ON x.dst = d.id AND x.type = 'exposesDataset'
         JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
         JOIN terms pt ON pt.id = p.src JOIN terms xt ON xt.id = x.src
        WHERE d.iri = ? ORDER BY product, port`,
    ),
    links: { upstream: db.prepare<[{ products: string }], LinkRow>(UPSTREAM), downstream: db.prepare<[{ products: string }], LinkRow>(DOWNSTREAM) },
    readersOfProduct: db.prepare<[string], { job: string; dataset: string; last_seen: string }>(
      `SELECT DISTINCT jt.iri AS job, dt.iri AS dataset, u.last_seen FROM terms pr
         JOIN edges p ON p.src = pr.id AND p.type = 'hasOutputPort'
         JOIN edges x ON x.src = p.dst AND x.type = 'exposesDataset'
         JOIN dataset_uses u ON u.dataset = x.dst AND u.role = 'reads'
         JOIN terms jt ON jt.id = u.job JOIN terms dt ON dt.id = u.dataset
        WHERE pr.iri = ? ORDER BY job, dataset`,
    ),
    productsWrittenBy: db.prepare<[{ job: string; product: string }], { product: string }>(
      `SELECT DISTINCT pt.iri AS product FROM terms j
         JOIN dataset_uses u ON u.job = j.id AND u.role = 'writes'
         JOIN edges x ON x.dst = u.dataset AND x.type = 'exposesDataset'
         JOIN edges p ON p.dst = x.src AND p.type = 'hasOutputPort'
         JOIN terms pt ON pt.id = p.src
        WHERE j.iri = @job AND pt.iri <> @product ORDER BY product`,
    ),
  };
}
