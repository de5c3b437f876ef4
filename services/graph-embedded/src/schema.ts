/**
 * The embedded graph's SQLite schema. `user_version` tracks it; a newer file than this code
 * understands is refused rather than silently misread.
 */
export const SCHEMA_VERSION = 4; // 2: counters; 3: edges keyed by owner, revision semantics; 4: lineage

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS nodes (
  iri   TEXT PRIMARY KEY,
  kind  TEXT NOT NULL,
  label TEXT NOT NULL,
  stub  INTEGER NOT NULL,
  owner TEXT              -- the product that wrote this node; NULL for shared and stub nodes
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_owner ON nodes(owner);

-- Two products may declare the same edge (the same sameAs between two concepts): each keeps its
-- own row, so one dropping it leaves the other's standing.
CREATE TABLE IF NOT EXISTS edges (
  src   TEXT NOT NULL,
  type  TEXT NOT NULL,
  dst   TEXT NOT NULL,
  owner TEXT NOT NULL,    -- the product whose revision wrote this edge, replaced with it
  PRIMARY KEY (src, type, dst, owner)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type);
CREATE INDEX IF NOT EXISTS edges_owner ON edges(owner);

CREATE TABLE IF NOT EXISTS products (
  iri        TEXT PRIMARY KEY,
  revision   INTEGER NOT NULL,
  hash       TEXT NOT NULL,
  domain     TEXT NOT NULL,
  owner_team TEXT NOT NULL,
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS products_domain ON products(domain, iri);
CREATE INDEX IF NOT EXISTS products_owner ON products(owner_team, iri);
CREATE INDEX IF NOT EXISTS products_status ON products(status, iri);

-- Append-only: every revision ever stored. seq orders all changes and is the change feed
-- a projector can follow.
CREATE TABLE IF NOT EXISTS revisions (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  iri         TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  hash        TEXT NOT NULL,
  status      TEXT NOT NULL,
  descriptor  TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  semantics   TEXT,       -- JSON ProductSemantics; NULL before the semantic layer
  UNIQUE (iri, revision)
);

-- Counters of a node (usage, impressions): outside revisions, deleted with their node.
CREATE TABLE IF NOT EXISTS counters (
  iri   TEXT NOT NULL,
  name  TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (iri, name)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS nodes_drop_counters AFTER DELETE ON nodes
BEGIN DELETE FROM counters WHERE iri = old.iri; END;

-- OpenLineage events as received (ADR 0008), once each: the key is (runId, eventType, eventTime)
-- for run events, (subject, eventTime) for dataset and job events.
CREATE TABLE IF NOT EXISTS lineage_events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  key        TEXT NOT NULL UNIQUE,
  hash       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  run_id     TEXT,
  event_type TEXT,
  event_time TEXT NOT NULL,   -- fixed-width UTC: sorts as instants
  event      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lineage_events_run ON lineage_events(run_id) WHERE run_id IS NOT NULL;

-- Each run's state, derived from its events by eventTime (core's runState) after every event.
CREATE TABLE IF NOT EXISTS runs (
  run_id        TEXT PRIMARY KEY,
  job           TEXT NOT NULL,
  state         TEXT NOT NULL,
  started_at    TEXT,
  ended_at      TEXT,
  last_event_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS runs_job ON runs(job, last_event_at);

-- A dataset's or job's facets, each from the latest event by eventTime (core's mergeFacets).
CREATE TABLE IF NOT EXISTS lineage_facets (
  iri        TEXT PRIMARY KEY,
  facets     TEXT NOT NULL,   -- JSON StoredFacets
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- When jobs were seen reading and writing datasets; the reads/writes edges mirror these rows.
CREATE TABLE IF NOT EXISTS dataset_uses (
  job        TEXT NOT NULL,
  role       TEXT NOT NULL,   -- reads | writes
  dataset    TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  PRIMARY KEY (job, role, dataset)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dataset_uses_dataset ON dataset_uses(dataset, role);
`;

/**
 * Steps from an older schema to this one, by the version they start from. A fresh file gets
 * SCHEMA_SQL directly; a file at version v runs every step from v on, in one transaction.
 */
export const MIGRATIONS: Readonly<Record<number, string>> = {
  // 1 → 2 only added the counters table and trigger, which SCHEMA_SQL creates when missing.
  1: '',
  2: `
CREATE TABLE edges_v3 (src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, owner TEXT NOT NULL,
  PRIMARY KEY (src, type, dst, owner)) WITHOUT ROWID;
INSERT INTO edges_v3 SELECT src, type, dst, owner FROM edges;
DROP TABLE edges;
ALTER TABLE edges_v3 RENAME TO edges;
ALTER TABLE revisions ADD COLUMN semantics TEXT;
`,
  // 3 → 4 only added the lineage tables, which SCHEMA_SQL creates when missing.
  3: '',
};
