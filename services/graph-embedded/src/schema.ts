/**
 * The embedded graph's SQLite schema. `user_version` tracks it; a newer file than this code
 * understands is refused rather than silently misread.
 */
export const SCHEMA_VERSION = 3; // 2: counters; 3: edges keyed by owner, revision semantics

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
};
