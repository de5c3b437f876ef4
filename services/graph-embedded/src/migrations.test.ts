import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { lineageRecord } from '@quanta/core';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { datasetIri, jobIri, runIri } from '@quanta/model';
import { V4_TABLES } from './migrate-terms.js';
import { SqliteKnowledgeGraph } from './sqlite-knowledge-graph.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

/** The schema as version 1 shipped it (commit 6b8d05f): data directories in that shape exist. */
const SCHEMA_V1 = `CREATE TABLE IF NOT EXISTS nodes (
  iri   TEXT PRIMARY KEY,
  kind  TEXT NOT NULL,
  label TEXT NOT NULL,
  stub  INTEGER NOT NULL,
  owner TEXT              -- the product that wrote this node; NULL for shared and stub nodes
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_owner ON nodes(owner);

CREATE TABLE IF NOT EXISTS edges (
  src   TEXT NOT NULL,
  type  TEXT NOT NULL,
  dst   TEXT NOT NULL,
  owner TEXT NOT NULL,    -- the product whose revision wrote this edge, replaced with it
  PRIMARY KEY (src, type, dst)
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
  UNIQUE (iri, revision)
);`;

const dir = mkdtempSync(join(tmpdir(), 'quanta-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteKnowledgeGraph schema migrations', () => {
  it('opens a version 1 file, keeping its products, edges and revisions, and can use what later versions added', async () => {
    const file = join(dir, 'v1.sqlite');
    const old = new Database(file);
    old.exec(SCHEMA_V1);
    const d = testDescriptor('old');
    old.prepare(`INSERT INTO revisions (iri, revision, hash, status, descriptor, recorded_at, recorded_by) VALUES (?, 1, 'h1', 'active', ?, '2026-01-01T00:00:00.000Z', 'tester')`).run(d.id, JSON.stringify(d));
    old.prepare(`INSERT INTO products VALUES (?, 1, 'h1', 'testing', 'testers', 'active', '2026-01-01T00:00:00.000Z')`).run(d.id);
    old.prepare(`INSERT INTO nodes VALUES (?, 'DataProduct', 'old', 0, ?), ('urn:quanta:domain:testing', 'Domain', 'testing', 0, NULL)`).run(d.id, d.id);
    old.prepare(`INSERT INTO edges VALUES (?, 'inDomain', 'urn:quanta:domain:testing', ?)`).run(d.id, d.id);
    old.pragma('user_version = 1');
    old.close();

    const graph = SqliteKnowledgeGraph.open({ file });
    try {
      expect(await graph.getProduct(d.id)).toMatchObject({ revision: 1, hash: 'h1', descriptor: d });
      expect((await graph.getProduct(d.id))?.semantics).toBeUndefined();
      const out = await graph.traverse(d.id, { direction: 'out', depth: 1, maxNodes: 10 });
      expect(out.edges).toEqual([{ from: d.id, type: 'inDomain', to: 'urn:quanta:domain:testing' }]);
      expect(await graph.addToCounter(d.id, 'usage', 2)).toBe(2);
      const next = saveInput(testDescriptor('old', { description: 'second' }));
      const semantics = { findings: [], concepts: [], equivalences: [] };
      await graph.saveProduct({ ...next, revision: { ...next.revision, semantics } });
      expect((await graph.getProduct(d.id))?.semantics).toEqual(semantics);
      // Version 8's outbox starts empty and takes the saves made after the upgrade.
      expect(await graph.pendingProjections(10)).toEqual([{ iri: d.id, revision: 2, enqueuedAt: next.revision.recordedAt }]);
    } finally {
      await graph.close();
    }
    const reopened = new Database(file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('opens a version 4 file with lineage: IRIs become terms, runs get their summaries, nothing is lost', async () => {
    const file = join(dir, 'v4.sqlite');
    const old = new Database(file);
    old.exec(SCHEMA_V1);
    old.exec(MIGRATIONS[2] as string);
    old.exec(V4_TABLES);
    const d = testDescriptor('lineage');
    const [job, dataset, runId] = [jobIri('airflow', 'etl'), datasetIri('pg', 'plays'), '3f1c2e4a-0000-4000-8000-000000000001'];
    const run = runIri(runId);
    const t = (s: number) => `2026-03-01T10:00:0${s}.000000000Z`;
    old.prepare(`INSERT INTO revisions (iri, revision, hash, status, descriptor, recorded_at, recorded_by) VALUES (?, 1, 'h1', 'active', ?, '2026-01-01T00:00:00.000Z', 'tester')`).run(d.id, JSON.stringify(d));
    old.prepare(`INSERT INTO products VALUES (?, 1, 'h1', 'testing', 'testers', 'active', '2026-01-01T00:00:00.000Z')`).run(d.id);
    const node = old.prepare('INSERT INTO nodes VALUES (?, ?, ?, 0, ?)');
    node.run(d.id, 'DataProduct', 'lineage', d.id);
    node.run(job, 'Job', 'etl', null);
    node.run(dataset, 'Dataset', 'pg/plays', null);
    node.run(run, 'Run', runId, null);
    const edge = old.prepare('INSERT INTO edges VALUES (?, ?, ?, ?)');
    edge.run(job, 'reads', dataset, job);
    edge.run(run, 'runOf', job, run);
    old.prepare(`INSERT INTO counters VALUES (?, 'usage', 3)`).run(d.id);
    const event = old.prepare(`INSERT INTO lineage_events (key, hash, kind, run_id, event_type, event_time, event) VALUES (?, ?, 'run', ?, ?, ?, '{}')`);
    event.run(`run:${runId}:START:${t(0)}`, 'a', runId, 'START', t(0));
    event.run(`run:${runId}:COMPLETE:${t(2)}`, 'b', runId, 'COMPLETE', t(2));
    old.prepare(`INSERT INTO runs VALUES (?, ?, 'COMPLETE', ?, ?, ?)`).run(runId, job, t(0), t(2), t(2));
    old.prepare(`INSERT INTO lineage_facets VALUES (?, '{}', ?)`).run(dataset, t(2));
    old.prepare(`INSERT INTO dataset_uses VALUES (?, 'reads', ?, ?, ?)`).run(job, dataset, t(0), t(2));
    old.pragma('user_version = 4');
    old.close();

    const graph = SqliteKnowledgeGraph.open({ file });
    try {
      expect(await graph.getRun(runId)).toMatchObject({ job, state: 'COMPLETE', startedAt: t(0), endedAt: t(2) });
      const [jobNode] = await graph.lineageNodes([job]);
      expect(jobNode).toMatchObject({ inputs: [{ dataset, firstSeen: t(0), lastSeen: t(2) }], latestRun: { runId, state: 'COMPLETE' } });
      const into = await graph.traverse(dataset, { direction: 'in', depth: 1, maxNodes: 10 });
      expect(into.edges).toEqual([{ from: job, type: 'reads', to: dataset }]);
      expect(await graph.readCounters(d.id)).toEqual({ usage: 3 });
      const late = lineageRecord('run', { eventType: 'RUNNING', eventTime: t(3), run: { runId }, job: { namespace: 'airflow', name: 'etl' } });
      expect(await graph.saveLineage([late])).toEqual([{ ok: true, outcome: 'stored', afterTerminal: true }]);
      expect((await graph.getRun(runId))?.state).toBe('COMPLETE');
    } finally {
      await graph.close();
    }
  });
});
