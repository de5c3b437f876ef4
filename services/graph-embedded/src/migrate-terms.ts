import type Database from 'better-sqlite3';
import { foldRunEvent, type RunEventType, type RunSummary, summaryColumns } from '@quanta/core';

/** What schema 4 had and older files may lack (SCHEMA_SQL used to add them after the steps). */
export const V4_TABLES = `
CREATE TABLE IF NOT EXISTS counters (iri TEXT NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (iri, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lineage_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,
  kind TEXT NOT NULL, run_id TEXT, event_type TEXT, event_time TEXT NOT NULL, event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, job TEXT NOT NULL, state TEXT NOT NULL, started_at TEXT, ended_at TEXT,
  last_event_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lineage_facets (iri TEXT PRIMARY KEY, facets TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dataset_uses (job TEXT NOT NULL, role TEXT NOT NULL, dataset TEXT NOT NULL, first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL, PRIMARY KEY (job, role, dataset)) WITHOUT ROWID;`;

/**
 * Schema 4 → 5: IRIs become term ids (see SCHEMA_SQL). The old tables are copied into new ones
 * holding ids and dropped; SCHEMA_SQL then adds the indexes and the trigger. Run summaries did not
 * exist in 4: each run's is folded from its stored events with core's foldRunEvent.
 */
export function migrateToTerms(db: Database.Database): void {
  db.exec(`
${V4_TABLES}
CREATE TABLE terms (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
INSERT OR IGNORE INTO terms (iri)
  SELECT iri FROM nodes UNION SELECT owner FROM nodes WHERE owner IS NOT NULL
  UNION SELECT src FROM edges UNION SELECT dst FROM edges UNION SELECT owner FROM edges
  UNION SELECT iri FROM lineage_facets UNION SELECT job FROM dataset_uses UNION SELECT dataset FROM dataset_uses
  UNION SELECT job FROM runs UNION SELECT 'urn:quanta:run:' || run_id FROM runs;

CREATE TABLE nodes_v5 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, stub INTEGER NOT NULL, owner INTEGER);
INSERT INTO nodes_v5 SELECT t.id, n.kind, n.label, n.stub, o.id FROM nodes n JOIN terms t ON t.iri = n.iri LEFT JOIN terms o ON o.iri = n.owner;
CREATE TABLE edges_v5 (src INTEGER NOT NULL, type TEXT NOT NULL, dst INTEGER NOT NULL, owner INTEGER NOT NULL,
  PRIMARY KEY (src, type, dst, owner)) WITHOUT ROWID;
INSERT INTO edges_v5 SELECT s.id, e.type, d.id, o.id FROM edges e
  JOIN terms s ON s.iri = e.src JOIN terms d ON d.iri = e.dst JOIN terms o ON o.iri = e.owner;
CREATE TABLE counters_v5 (node INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (node, name)) WITHOUT ROWID;
INSERT INTO counters_v5 SELECT t.id, c.name, c.value FROM counters c JOIN terms t ON t.iri = c.iri;
CREATE TABLE lineage_events_v5 (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, kind TEXT NOT NULL,
  run_id TEXT, event_type TEXT, event_time TEXT NOT NULL, event TEXT NOT NULL);
INSERT INTO lineage_events_v5 SELECT seq, key, hash, kind, run_id, event_type, event_time, event FROM lineage_events ORDER BY seq;
CREATE TABLE lineage_facets_v5 (id INTEGER PRIMARY KEY, facets TEXT NOT NULL, updated_at TEXT NOT NULL);
INSERT INTO lineage_facets_v5 SELECT t.id, f.facets, f.updated_at FROM lineage_facets f JOIN terms t ON t.iri = f.iri;
CREATE TABLE dataset_uses_v5 (job INTEGER NOT NULL, role TEXT NOT NULL, dataset INTEGER NOT NULL, first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL, PRIMARY KEY (job, role, dataset)) WITHOUT ROWID;
INSERT INTO dataset_uses_v5 SELECT j.id, u.role, d.id, u.first_seen, u.last_seen FROM dataset_uses u
  JOIN terms j ON j.iri = u.job JOIN terms d ON d.iri = u.dataset;
CREATE TABLE runs_v5 (id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, job INTEGER NOT NULL, state TEXT NOT NULL, started_at TEXT,
  end_type TEXT, ended_at TEXT, last_type TEXT NOT NULL, last_event_at TEXT NOT NULL);
`);
  const insertRun = db.prepare(
    `INSERT INTO runs_v5 SELECT r.id, @runId, j.id, @state, @startedAt, @endType, @endedAt, @lastType, @lastEventAt
       FROM terms r, terms j WHERE r.iri = 'urn:quanta:run:' || @runId AND j.iri = @job`,
  );
  const events = db.prepare<[string], { event_type: RunEventType; event_time: string }>('SELECT event_type, event_time FROM lineage_events WHERE run_id = ?');
  for (const run of db.prepare<[], { run_id: string; job: string }>('SELECT run_id, job FROM runs').all()) {
    const s = events.all(run.run_id).reduce<RunSummary | undefined>((held, e) => foldRunEvent(held, { eventType: e.event_type, eventTime: e.event_time }), undefined);
    if (s) insertRun.run({ runId: run.run_id, job: run.job, ...summaryColumns(s) });
  }
  db.exec(`
DROP TABLE nodes; DROP TABLE edges; DROP TABLE counters; DROP TABLE lineage_events; DROP TABLE lineage_facets;
DROP TABLE dataset_uses; DROP TABLE runs;
ALTER TABLE nodes_v5 RENAME TO nodes; ALTER TABLE edges_v5 RENAME TO edges; ALTER TABLE counters_v5 RENAME TO counters;
ALTER TABLE lineage_events_v5 RENAME TO lineage_events; ALTER TABLE lineage_facets_v5 RENAME TO lineage_facets;
ALTER TABLE dataset_uses_v5 RENAME TO dataset_uses; ALTER TABLE runs_v5 RENAME TO runs;
`);
}
