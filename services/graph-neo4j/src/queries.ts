import type { ProductFilter, TraverseOptions } from '@quanta/core';

/*
 * Every Cypher text the adapter runs. All values travel as parameters; the only variable parts
 * of a text are picked from closed, hard-coded tables here (filter clauses, traversal direction).
 *
 * Graph shape:
 *   (:Node {iri, kind, label, stub, owner})   owner: the product that wrote it; absent for shared and stub nodes
 *   (:Node)-[:REL {type, owner}]->(:Node)     one relationship type, the RelationType in a property;
 *                                            owner: the product that declared it, replaced with it
 *   (:Product {iri, revision, hash, headKey, domain, ownerTeam, status, createdAt})   the head, for filters
 *   (:Revision {key, iri, revision, hash, status, descriptor, recordedAt, recordedBy, semantics})   append-only
 *   (:Counter {key, iri, name, value})       key: counterKey(iri, name); deleted with its node
 *   (:SearchOutbox {iri, revision, enqueuedAt})   products whose search document is behind (outbox.ts)
 *
 * Why one `:REL` type with a `type` property: Cypher cannot take a relationship type as a
 * parameter, so typed relationships would need one write query per type (or text built from
 * input). With `:REL {type}` a save writes every edge in one static, parameterised UNWIND and a
 * traversal filters with `r.type IN $types`. Relations per node are few (a product's handful of
 * ports, domain, team, inputs), so the lost type-store filtering costs nothing measurable.
 */

/**
 * Takes the write locks on the product heads (creating the new ones), in the given (IRI) order,
 * then reads them: each read comes after its lock, so it sees the latest committed revision.
 * Products without a record are new.
 */
export const LOCK_AND_READ_HEADS = `UNWIND $iris AS iri
MERGE (p:Product {iri: iri}) SET p._lock = true REMOVE p._lock
WITH p WHERE p.revision IS NOT NULL
RETURN p.iri AS iri, p.revision AS revision, p.hash AS hash, p.createdAt AS createdAt`;

/**
 * Locks the nodes products want to own, in the given (IRI) order, so two products racing for
 * one port serialize, and returns the ones that already exist: a freshly merged lock node has no
 * kind yet and does not count.
 */
export const LOCK_AND_READ_OWNED = `UNWIND $iris AS iri MERGE (n:Node {iri: iri}) SET n._lock = true REMOVE n._lock
WITH n WHERE n.kind IS NOT NULL
RETURN n.iri AS iri, n.kind AS kind, n.stub AS stub, n.owner AS owner`;

export const WRITE_REVISIONS = `UNWIND $revisions AS r
MATCH (p:Product {iri: r.iri})
CREATE (:Revision {key: r.key, iri: r.iri, revision: r.revision, hash: r.hash, status: r.status,
                   descriptor: r.descriptor, recordedAt: r.recordedAt, recordedBy: r.recordedBy,
                   semantics: r.semantics})
SET p.revision = r.revision, p.hash = r.hash, p.headKey = r.key, p.domain = r.domain,
    p.ownerTeam = r.ownerTeam, p.status = r.status, p.createdAt = coalesce(p.createdAt, r.recordedAt)`;

/** Every edge the products declared in their previous revisions. */
export const DELETE_OWNED_EDGES = `UNWIND $iris AS iri MATCH ()-[r:REL {owner: iri}]->() DELETE r`;

/** Ports the new revisions no longer have, with their counters. */
export const DELETE_DROPPED_NODES = `UNWIND $products AS x
MATCH (n:Node {owner: x.iri}) WHERE NOT n.iri IN x.keep
OPTIONAL MATCH (c:Counter {iri: n.iri})
DETACH DELETE n, c`;

export const WRITE_OWNED_NODES = `UNWIND $nodes AS o MATCH (n:Node {iri: o.iri})
SET n.kind = o.kind, n.label = o.label, n.stub = false, n.owner = o.owner`;

/**
 * Referenced nodes are created when missing and never overwritten (a registered upstream stays
 * registered), except that a definition (a non-stub reference) fills in an unowned stub of the
 * same kind: a concept becomes known once a semantic model defines it.
 */
export const WRITE_REFERENCED_NODES = `UNWIND $nodes AS x MERGE (n:Node {iri: x.iri})
ON CREATE SET n.kind = x.kind, n.label = x.label, n.stub = x.stub
ON MATCH SET n.label = CASE WHEN n.stub AND NOT x.stub AND n.kind = x.kind AND n.owner IS NULL THEN x.label ELSE n.label END,
             n.stub = CASE WHEN n.stub AND NOT x.stub AND n.kind = x.kind AND n.owner IS NULL THEN false ELSE n.stub END`;

/**
 * CREATE, not MERGE: the products' old edges were all deleted above and the caller passes each
 * edge once. A relationship MERGE write-locks both end nodes to check for an existing edge, which
 * would serialize every registration in a domain on the shared domain node. Returns how many were
 * written, which `writeEdges` checks: an end deleted by a concurrent save matches nothing.
 */
export const WRITE_EDGES = `UNWIND $edges AS e
MATCH (a:Node {iri: e.from}) MATCH (b:Node {iri: e.to})
CREATE (a)-[:REL {type: e.type, owner: e.owner}]->(b)
RETURN count(*) AS written`;

/** What locking left behind for refused items: nodes merged without a kind, heads without a revision (run before the writes). */
export const CLEAR_LOCK_RESIDUE = `CALL { UNWIND $nodes AS iri MATCH (n:Node {iri: iri}) WHERE n.kind IS NULL DETACH DELETE n }
CALL { UNWIND $heads AS iri MATCH (p:Product {iri: iri}) WHERE p.revision IS NULL DELETE p }`;

/**
 * One atomic addition. Under read-committed isolation `SET c.value = c.value + $delta` after a
 * plain MATCH may read a value another transaction is about to overwrite; taking the counter's
 * write lock first (the `_lock` write) makes the read that follows see the latest committed value.
 * The MERGE creates a missing counter once: the unique constraint on `key` serializes creators.
 */
export const ADD_TO_COUNTER = `MATCH (n:Node {iri: $iri}) WHERE n.kind IS NOT NULL
MERGE (c:Counter {key: $key}) ON CREATE SET c.iri = $iri, c.name = $name, c.value = 0.0
SET c._lock = true REMOVE c._lock
WITH c SET c.value = c.value + $delta
RETURN c.value AS value`;

/**
 * {@link ADD_TO_COUNTER} for many counters in one statement: one row per counter key (the caller
 * sums repeats, since a later row of one statement need not see an earlier row's write), in key
 * order so concurrent batches take the counters' locks in the same order. Unknown nodes match
 * nothing and are skipped; the keys returned are those that landed.
 */
export const ADD_TO_COUNTERS = `UNWIND $rows AS row
MATCH (n:Node {iri: row.iri}) WHERE n.kind IS NOT NULL
MERGE (c:Counter {key: row.key}) ON CREATE SET c.iri = row.iri, c.name = row.name, c.value = 0.0
SET c._lock = true REMOVE c._lock
WITH c, row SET c.value = c.value + row.delta
RETURN row.key AS key`;

export const COUNTERS = `MATCH (c:Counter {iri: $iri}) RETURN c.name AS name, c.value AS value ORDER BY name`;

const REVISION_FIELDS = `r.iri AS iri, r.revision AS revision, r.hash AS hash, r.status AS status,
  r.descriptor AS descriptor, r.recordedAt AS recordedAt, r.recordedBy AS recordedBy, r.semantics AS semantics`;

export const PRODUCT = `MATCH (p:Product {iri: $iri}) MATCH (r:Revision {key: p.headKey})
RETURN ${REVISION_FIELDS}, p.createdAt AS createdAt`;

export const PRODUCTS = `UNWIND $iris AS iri MATCH (p:Product {iri: iri}) MATCH (r:Revision {key: p.headKey})
RETURN ${REVISION_FIELDS}, p.createdAt AS createdAt`;

export const REVISION = `MATCH (r:Revision {key: $key}) RETURN ${REVISION_FIELDS}`;

export const REVISIONS = `MATCH (r:Revision {iri: $iri}) RETURN ${REVISION_FIELDS} ORDER BY r.revision`;

export const NODE = `MATCH (n:Node {iri: $iri}) WHERE n.kind IS NOT NULL
RETURN n.iri AS iri, n.kind AS kind, n.label AS label, n.stub AS stub`;

/** The nodes that exist among `$iris` (a kind-less lock placeholder does not count), in no order. */
export const NODES = `UNWIND $iris AS iri MATCH (n:Node {iri: iri}) WHERE n.kind IS NOT NULL
RETURN n.iri AS iri, n.kind AS kind, n.label AS label, n.stub AS stub`;

const FILTER_CLAUSES = { domain: 'p.domain = $domain', owner: 'p.ownerTeam = $owner', status: 'p.status = $status' } as const;

/**
 * The WHERE clause of a product filter, from fixed fragments for the filters present (so the
 * planner can use the property indexes), and their parameters.
 */
export function filterClause(filter: ProductFilter, extra: readonly string[] = []): { where: string; params: Record<string, string> } {
  const clauses = ['p.revision IS NOT NULL', ...extra];
  const params: Record<string, string> = {};
  for (const key of Object.keys(FILTER_CLAUSES) as (keyof typeof FILTER_CLAUSES)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    clauses.push(FILTER_CLAUSES[key]);
    params[key] = value;
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

export function listProductsQuery(where: string): string {
  return `MATCH (p:Product) ${where} WITH p ORDER BY p.iri LIMIT $limit
MATCH (r:Revision {key: p.headKey})
RETURN ${REVISION_FIELDS}, p.createdAt AS createdAt ORDER BY iri`;
}

export function countProductsQuery(where: string): string {
  return `MATCH (p:Product) ${where} RETURN count(p) AS n`;
}

const HOP_PATTERNS: Record<TraverseOptions['direction'], string> = {
  out: '(a)-[r:REL]->(b:Node)',
  in: '(a)<-[r:REL]-(b:Node)',
  both: '(a)-[r:REL]-(b:Node)',
};

/** One breadth-first hop from every frontier node, in frontier order, deterministic within a node. */
export function hopQuery(direction: TraverseOptions['direction']): string {
  return `UNWIND range(0, size($frontier) - 1) AS i
MATCH (a:Node {iri: $frontier[i]})
MATCH ${HOP_PATTERNS[direction]}
WHERE ($types IS NULL OR r.type IN $types) AND b.kind IS NOT NULL
RETURN startNode(r).iri AS from, r.type AS type, endNode(r).iri AS to,
       {iri: b.iri, kind: b.kind, label: b.label, stub: b.stub} AS other
ORDER BY i, type, other.iri, from`;
}
