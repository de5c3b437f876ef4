import type Database from 'better-sqlite3';
import type { Head } from '@quanta/core';

type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;
type EdgeRow = { src: string; type: string; dst: string };

/** Every statement the adapter runs, prepared once per connection. */
export interface Statements {
  readonly currentHead: Statement<[string], Head>;
  readonly product: Statement;
  readonly revision: Statement;
  readonly revisions: Statement;
  readonly insertRevision: Statement;
  readonly upsertProduct: Statement;
  readonly deleteOwnedEdges: Statement;
  readonly ownedNodes: Statement<[string], { iri: string }>;
  readonly deleteNode: Statement;
  readonly addToCounter: Statement<[string, string, number], { value: number }>;
  readonly counters: Statement<[string], { name: string; value: number }>;
  readonly upsertOwnedNode: Statement;
  readonly insertReferencedNode: Statement;
  readonly insertEdge: Statement;
  readonly node: Statement;
  readonly existingNode: Statement;
  readonly edgesFrom: Statement<[string], EdgeRow>;
  readonly edgesTo: Statement<[string], EdgeRow>;
  /** As edgesFrom/edgesTo, limited to the relation types in a JSON array: filtered in the index, not in JS. */
  readonly edgesFromOfTypes: Statement<[string, string], EdgeRow>;
  readonly edgesToOfTypes: Statement<[string, string], EdgeRow>;
  /** The SELECT that yields ProductRow: current revisions joined with their products. */
  readonly productSelect: string;
}

/** Prepares every statement the adapter runs, once per connection. */
export function prepareStatements(db: Database.Database): Statements {
  const productSelect = `SELECT r.*, p.created_at FROM products p JOIN revisions r ON r.iri = p.iri AND r.revision = p.revision`;
  return {
    currentHead: db.prepare<[string], Head>(
      'SELECT revision, hash, created_at AS createdAt FROM products WHERE iri = ?',
    ),
    product: db.prepare(`${productSelect} WHERE p.iri = ?`),
    revision: db.prepare('SELECT * FROM revisions WHERE iri = ? AND revision = ?'),
    revisions: db.prepare('SELECT * FROM revisions WHERE iri = ? ORDER BY revision'),
    insertRevision: db.prepare(
      `INSERT INTO revisions (iri, revision, hash, status, descriptor, recorded_at, recorded_by, semantics)
       VALUES (@iri, @revision, @hash, @status, @descriptor, @recordedAt, @recordedBy, @semantics)`,
    ),
    upsertProduct: db.prepare(
      `INSERT INTO products (iri, revision, hash, domain, owner_team, status, created_at)
       VALUES (@iri, @revision, @hash, @domain, @ownerTeam, @status, @createdAt)
       ON CONFLICT(iri) DO UPDATE SET revision = excluded.revision, hash = excluded.hash,
         domain = excluded.domain, owner_team = excluded.owner_team, status = excluded.status`,
    ),
    deleteOwnedEdges: db.prepare('DELETE FROM edges WHERE owner = ?'),
    ownedNodes: db.prepare<[string], { iri: string }>('SELECT iri FROM nodes WHERE owner = ?'),
    deleteNode: db.prepare('DELETE FROM nodes WHERE iri = ?'),
    addToCounter: db.prepare<[string, string, number], { value: number }>(
      `INSERT INTO counters (iri, name, value) VALUES (?, ?, ?)
       ON CONFLICT(iri, name) DO UPDATE SET value = value + excluded.value RETURNING value`,
    ),
    counters: db.prepare<[string], { name: string; value: number }>('SELECT name, value FROM counters WHERE iri = ? ORDER BY name'),
    upsertOwnedNode: db.prepare(
      `INSERT INTO nodes (iri, kind, label, stub, owner) VALUES (@iri, @kind, @label, 0, @owner)
       ON CONFLICT(iri) DO UPDATE SET kind = excluded.kind, label = excluded.label, stub = 0, owner = excluded.owner`,
    ),
    // Created when missing; an existing node is never overwritten, except that a definition (a
    // non-stub reference) fills in an unowned stub of the same kind.
    insertReferencedNode: db.prepare(
      `INSERT INTO nodes (iri, kind, label, stub, owner) VALUES (@iri, @kind, @label, @stub, NULL)
       ON CONFLICT(iri) DO UPDATE SET stub = 0, label = excluded.label
       WHERE nodes.stub = 1 AND excluded.stub = 0 AND nodes.kind = excluded.kind AND nodes.owner IS NULL`,
    ),
    insertEdge: db.prepare('INSERT OR IGNORE INTO edges (src, type, dst, owner) VALUES (?, ?, ?, ?)'),
    node: db.prepare('SELECT iri, kind, label, stub FROM nodes WHERE iri = ?'),
    existingNode: db.prepare('SELECT kind, stub, owner FROM nodes WHERE iri = ?'),
    edgesFrom: db.prepare<[string], EdgeRow>('SELECT src, type, dst FROM edges WHERE src = ?'),
    edgesTo: db.prepare<[string], EdgeRow>('SELECT src, type, dst FROM edges WHERE dst = ?'),
    // A job's thousands of runOf edges stay unread when only reads and writes are followed.
    edgesFromOfTypes: db.prepare<[string, string], EdgeRow>('SELECT src, type, dst FROM edges WHERE src = ? AND type IN (SELECT value FROM json_each(?))'),
    edgesToOfTypes: db.prepare<[string, string], EdgeRow>('SELECT src, type, dst FROM edges WHERE dst = ? AND type IN (SELECT value FROM json_each(?))'),
    productSelect,
  };
}
