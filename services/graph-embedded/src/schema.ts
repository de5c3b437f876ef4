import type Database from 'better-sqlite3';
import { migrateToTerms } from './migrate-terms.js';

/**
 * The embedded graph's SQLite schema. `user_version` tracks it; a newer file than this code
 * understands is refused rather than silently misread.
 */
export const SCHEMA_VERSION = 10; // 2: counters; 3: edges keyed by owner, revision semantics; 4: lineage; 5: terms; 6: signals; 7: insights; 8: search outbox; 9: API tokens; 10: lineage arrival times

export const SCHEMA_SQL = `
-- Every IRI the graph names (nodes, edge owners), once, as a small integer that nodes, edges and
-- lineage rows hold instead of the text. Ids are handed out in order, so a new node's rows land at
-- the end of their indexes instead of at random places in them: lineage ingest writes ~20 edges
-- per event, and random 100-byte keys made each cost a page miss (ADR 0009). A term is never
-- renumbered or deleted, so an id read once stays valid.
CREATE TABLE IF NOT EXISTS terms (
  id  INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS nodes (
  id    INTEGER PRIMARY KEY,  -- terms.id
  kind  TEXT NOT NULL,
  label TEXT NOT NULL,
  stub  INTEGER NOT NULL,
  owner INTEGER               -- terms.id of the product that wrote this node; NULL for shared and stub nodes
);
CREATE INDEX IF NOT EXISTS nodes_owner ON nodes(owner) WHERE owner IS NOT NULL;

-- Two products may declare the same edge (the same sameAs between two concepts): each keeps its
-- own row, so one dropping it leaves the other's standing. src, dst and owner are terms.id.
CREATE TABLE IF NOT EXISTS edges (
  src   INTEGER NOT NULL,
  type  TEXT NOT NULL,
  dst   INTEGER NOT NULL,
  owner INTEGER NOT NULL,   -- who wrote this edge and replaces it: a product, a job, a run, a dataset's facet
  PRIMARY KEY (src, type, dst, owner)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type);
CREATE INDEX IF NOT EXISTS edges_owner ON edges(owner);
-- The few sameAs edges among the many (lineage writes ~20 per event): search synonyms read them
-- all without scanning the table.
CREATE INDEX IF NOT EXISTS edges_same_as ON edges(src, dst) WHERE type = 'sameAs';

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
  node  INTEGER NOT NULL,   -- nodes.id
  name  TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (node, name)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS nodes_drop_counters AFTER DELETE ON nodes
BEGIN DELETE FROM counters WHERE node = old.id; END;

-- OpenLineage events as received (ADR 0008), once each: the key is run:<runId>:<eventType>:<eventTime>
-- for run events (so a run's events are one range of the key index), (subject, eventTime) for
-- dataset and job events.
CREATE TABLE IF NOT EXISTS lineage_events (
  seq        INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  hash       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  run_id     TEXT,
  event_type TEXT,
  event_time TEXT NOT NULL,   -- fixed-width UTC: sorts as instants
  event      TEXT NOT NULL,
  received_at TEXT            -- when it arrived (B7); NULL for events stored before schema 10
);

-- Each run's state as core's RunSummary (foldRunEvent): the first terminal event, the latest
-- event and the earliest START, so an event updates its run in O(1).
CREATE TABLE IF NOT EXISTS runs (
  id            INTEGER PRIMARY KEY,  -- terms.id of the run's IRI
  run_id        TEXT NOT NULL,
  job           INTEGER NOT NULL,     -- terms.id
  state         TEXT NOT NULL,
  started_at    TEXT,
  end_type      TEXT,
  ended_at      TEXT,
  last_type     TEXT NOT NULL,
  last_event_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_job ON runs(job, last_event_at);

-- A dataset's or job's facets, each from the latest event by eventTime (core's mergeFacets).
CREATE TABLE IF NOT EXISTS lineage_facets (
  id         INTEGER PRIMARY KEY,   -- terms.id
  facets     TEXT NOT NULL,         -- JSON StoredFacets
  updated_at TEXT NOT NULL
);

-- When jobs were seen reading and writing datasets; the reads/writes edges mirror these rows.
CREATE TABLE IF NOT EXISTS dataset_uses (
  job        INTEGER NOT NULL,   -- terms.id
  role       TEXT NOT NULL,      -- reads | writes
  dataset    INTEGER NOT NULL,   -- terms.id
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  PRIMARY KEY (job, role, dataset)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dataset_uses_dataset ON dataset_uses(dataset, role);

-- Signals (ADR 0010). Usage reports, once each by key, summed per (product, consumer) in usage.
CREATE TABLE IF NOT EXISTS usage_reports (
  key      TEXT PRIMARY KEY,
  product  INTEGER NOT NULL,   -- terms.id
  consumer INTEGER NOT NULL,   -- terms.id: a team or a product
  port     TEXT,
  at       TEXT NOT NULL,
  count    INTEGER NOT NULL
) WITHOUT ROWID;
-- Reports read back by product and time (usage reports: weekly trend, window against window).
CREATE INDEX IF NOT EXISTS usage_reports_product ON usage_reports(product, at);
CREATE TABLE IF NOT EXISTS usage (
  product        INTEGER NOT NULL,
  consumer       INTEGER NOT NULL,
  first_used_at  TEXT NOT NULL,
  last_used_at   TEXT NOT NULL,
  uses           INTEGER NOT NULL,
  PRIMARY KEY (product, consumer)
) WITHOUT ROWID;

-- One current rating per (product, consumer), and when every rating was given (bursts).
CREATE TABLE IF NOT EXISTS ratings (
  product  INTEGER NOT NULL,
  consumer INTEGER NOT NULL,
  team     INTEGER NOT NULL,
  stars    INTEGER NOT NULL,
  comment  TEXT,
  at       TEXT NOT NULL,
  PRIMARY KEY (product, consumer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rating_times (
  product  INTEGER NOT NULL,
  at       TEXT NOT NULL,
  consumer INTEGER NOT NULL,
  PRIMARY KEY (product, at, consumer)
) WITHOUT ROWID;

-- SLO check results, once each by key.
CREATE TABLE IF NOT EXISTS slo_checks (
  key       TEXT PRIMARY KEY,
  product   INTEGER NOT NULL,
  guarantee TEXT NOT NULL,
  passed    INTEGER NOT NULL,
  value     REAL,
  at        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS slo_checks_product ON slo_checks(product, at);

-- Insights (issue 7): owners' decisions and the balancing loop's choices, in append order, and
-- the current nudge per (product, kind).
CREATE TABLE IF NOT EXISTS insight_events (
  seq  INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  at   TEXT NOT NULL,
  body TEXT NOT NULL   -- the event as JSON
);
CREATE INDEX IF NOT EXISTS insight_events_at ON insight_events(at, seq);
CREATE TABLE IF NOT EXISTS nudges (
  product TEXT NOT NULL,
  kind    TEXT NOT NULL,
  owner   TEXT NOT NULL,
  message TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (product, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nudges_owner ON nudges(owner);

-- The search outbox (ADR 0014): one row per product whose search document is behind the graph,
-- written in the save's transaction. enqueued_at is when the oldest change not yet projected was
-- committed; the projector drains the rows oldest first, so the index serves that order.
CREATE TABLE IF NOT EXISTS search_outbox (
  iri         TEXT PRIMARY KEY,
  revision    INTEGER NOT NULL,
  enqueued_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_outbox_age ON search_outbox(enqueued_at, iri);

-- API tokens (ADR 0016): the SHA-256 of each secret, never the secret; a revoked token stays listed.
CREATE TABLE IF NOT EXISTS api_tokens (
  id         TEXT PRIMARY KEY,
  hash       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  team       TEXT,
  consumer   TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
`;

/** One step up: SQL, or code where the step needs core's rules. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Steps from an older schema to this one, by the version they start from. A fresh file gets
 * SCHEMA_SQL directly; a file at version v runs every step from v on, then SCHEMA_SQL (which adds
 * what is missing: indexes, triggers, new tables), in one transaction.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
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
  4: migrateToTerms,
  // 5 → 6 only added the signal tables, which SCHEMA_SQL creates when missing.
  5: '',
  // 6 → 7 only added the insight tables, which SCHEMA_SQL creates when missing.
  6: '',
  // 7 → 8 only added the search outbox and the sameAs index, which SCHEMA_SQL creates when
  // missing. The outbox starts empty: products saved before it were projected by the saves
  // themselves, and the reconciler repairs any document that is behind.
  7: '',
  // 8 → 9 only added the API tokens table, which SCHEMA_SQL creates when missing.
  8: '',
  // 9 → 10: when each lineage event arrived, to flag event times far from it (B7). Older events
  // have none: their arrival is not known, and they are never flagged.
  9: 'ALTER TABLE lineage_events ADD COLUMN received_at TEXT;',
};
