import type Database from 'better-sqlite3';
import type { Head } from '@quanta/core';

type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;
type EdgeRow = { src: string; type: string; dst: string };
type Id = number;
/** Both concept nodes of one sameAs pair, as NodeRow columns prefixed `from_` and `to_`. */
export type EquivalenceRow = {
  from_iri: string;
  from_kind: string;
  from_label: string;
  from_stub: number;
  to_iri: string;
  to_kind: string;
  to_label: string;
  to_stub: number;
};

/**
 * Every statement the adapter runs, prepared once per connection. Writes take term ids (see
 * {@link Terms}); reads take and return IRIs, joining `terms` where the rows hold ids.
 */
export interface Statements {
  readonly currentHead: Statement<[string], Head>;
  readonly product: Statement;
  readonly products: Statement;
  readonly revision: Statement;
  readonly revisions: Statement;
  readonly insertRevision: Statement;
  readonly upsertProduct: Statement;
  readonly deleteOwnedEdges: Statement<[Id]>;
  readonly ownedNodes: Statement<[Id], { id: Id; iri: string }>;
  readonly deleteNode: Statement<[Id]>;
  readonly addToCounter: Statement<[Id, string, number], { value: number }>;
  readonly counters: Statement<[string], { name: string; value: number }>;
  readonly upsertOwnedNode: Statement<[{ id: Id; kind: string; label: string; owner: Id }]>;
  readonly insertReferencedNode: Statement<[{ id: Id; kind: string; label: string; stub: 0 | 1 }]>;
  readonly insertEdge: Statement<[Id, string, Id, Id]>;
  /** The node of an IRI, as a NodeRow. */
  readonly node: Statement<[string]>;
  /** The node's id when the IRI names a node. */
  readonly nodeId: Statement<[string], Id>;
  readonly existingNode: Statement<[string], { kind: string; stub: number; owner: string | null }>;
  readonly edgesFrom: Statement<[string], EdgeRow>;
  readonly edgesTo: Statement<[string], EdgeRow>;
  /** As edgesFrom/edgesTo, limited to the relation types in a JSON array: filtered in the index, not in JS. */
  readonly edgesFromOfTypes: Statement<[string, string], EdgeRow>;
  readonly edgesToOfTypes: Statement<[string, string], EdgeRow>;
  /** Products' IRIs and current revisions in IRI order, after an IRI (`''`: from the start), at most a limit. */
  readonly productHeads: Statement<[string, number], { iri: string; revision: number }>;
  /** Distinct sameAs pairs between two Concept nodes, by from and to IRI, at most a limit. */
  readonly conceptEquivalences: Statement<[number], EquivalenceRow>;
  /** The SELECT that yields ProductRow: current revisions joined with their products. */
  readonly productSelect: string;
}

const EDGES_FROM = 'SELECT s.iri AS src, e.type, d.iri AS dst FROM terms s JOIN edges e ON e.src = s.id JOIN terms d ON d.id = e.dst WHERE s.iri = ?';
const EDGES_TO = 'SELECT s.iri AS src, e.type, d.iri AS dst FROM terms d JOIN edges e ON e.dst = d.id JOIN terms s ON s.id = e.src WHERE d.iri = ?';
const OF_TYPES = ' AND e.type IN (SELECT value FROM json_each(?))';

/** Prepares every statement the adapter runs, once per connection. */
export function prepareStatements(db: Database.Database): Statements {
  const productSelect = `SELECT r.*, p.created_at FROM products p JOIN revisions r ON r.iri = p.iri AND r.revision = p.revision`;
  return {
    currentHead: db.prepare<[string], Head>(
      'SELECT revision, hash, created_at AS createdAt FROM products WHERE iri = ?',
    ),
    product: db.prepare(`${productSelect} WHERE p.iri = ?`),
    products: db.prepare(`${productSelect} WHERE p.iri IN (SELECT value FROM json_each(?))`),
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
    deleteOwnedEdges: db.prepare<[Id]>('DELETE FROM edges WHERE owner = ?'),
    ownedNodes: db.prepare<[Id], { id: Id; iri: string }>('SELECT n.id, t.iri FROM nodes n JOIN terms t ON t.id = n.id WHERE n.owner = ?'),
    deleteNode: db.prepare<[Id]>('DELETE FROM nodes WHERE id = ?'),
    addToCounter: db.prepare<[Id, string, number], { value: number }>(
      `INSERT INTO counters (node, name, value) VALUES (?, ?, ?)
       ON CONFLICT(node, name) DO UPDATE SET value = value + excluded.value RETURNING value`,
    ),
    counters: db.prepare<[string], { name: string; value: number }>(
      'SELECT c.name, c.value FROM terms t JOIN counters c ON c.node = t.id WHERE t.iri = ? ORDER BY c.name',
    ),
    upsertOwnedNode: db.prepare(
      `INSERT INTO nodes (id, kind, label, stub, owner) VALUES (@id, @kind, @label, 0, @owner)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, label = excluded.label, stub = 0, owner = excluded.owner`,
    ),
    // Created when missing; an existing node is never overwritten, except that a definition (a
    // non-stub reference) fills in an unowned stub of the same kind.
    insertReferencedNode: db.prepare(
      `INSERT INTO nodes (id, kind, label, stub, owner) VALUES (@id, @kind, @label, @stub, NULL)
       ON CONFLICT(id) DO UPDATE SET stub = 0, label = excluded.label
       WHERE nodes.stub = 1 AND excluded.stub = 0 AND nodes.kind = excluded.kind AND nodes.owner IS NULL`,
    ),
    insertEdge: db.prepare<[Id, string, Id, Id]>('INSERT OR IGNORE INTO edges (src, type, dst, owner) VALUES (?, ?, ?, ?)'),
    node: db.prepare('SELECT t.iri, n.kind, n.label, n.stub FROM terms t JOIN nodes n ON n.id = t.id WHERE t.iri = ?'),
    nodeId: db.prepare<[string], Id>('SELECT n.id FROM terms t JOIN nodes n ON n.id = t.id WHERE t.iri = ?').pluck(),
    existingNode: db.prepare<[string], { kind: string; stub: number; owner: string | null }>(
      'SELECT n.kind, n.stub, o.iri AS owner FROM terms t JOIN nodes n ON n.id = t.id LEFT JOIN terms o ON o.id = n.owner WHERE t.iri = ?',
    ),
    edgesFrom: db.prepare<[string], EdgeRow>(EDGES_FROM),
    edgesTo: db.prepare<[string], EdgeRow>(EDGES_TO),
    // A job's thousands of runOf edges stay unread when only reads and writes are followed.
    edgesFromOfTypes: db.prepare<[string, string], EdgeRow>(EDGES_FROM + OF_TYPES),
    edgesToOfTypes: db.prepare<[string, string], EdgeRow>(EDGES_TO + OF_TYPES),
    // Every IRI sorts after '', so one statement serves the first page and the later ones.
    productHeads: db.prepare<[string, number], { iri: string; revision: number }>('SELECT iri, revision FROM products WHERE iri > ? ORDER BY iri LIMIT ?'),
    // DISTINCT: each product that declares a pair holds its own edge row (see the edges table).
    // The ends' kinds are checked because a reference never overwrites a node: an IRI declared a
    // concept may already name a node of another kind.
    conceptEquivalences: db.prepare<[number], EquivalenceRow>(
      `SELECT f.iri AS from_iri, a.kind AS from_kind, a.label AS from_label, a.stub AS from_stub,
              t.iri AS to_iri, b.kind AS to_kind, b.label AS to_label, b.stub AS to_stub
       FROM (SELECT DISTINCT src, dst FROM edges WHERE type = 'sameAs') e
       JOIN nodes a ON a.id = e.src AND a.kind = 'Concept' JOIN nodes b ON b.id = e.dst AND b.kind = 'Concept'
       JOIN terms f ON f.id = e.src JOIN terms t ON t.id = e.dst
       ORDER BY f.iri, t.iri LIMIT ?`,
    ),
    productSelect,
  };
}
