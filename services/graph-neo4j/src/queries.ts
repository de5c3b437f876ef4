import type { ProductFilter, TraverseOptions } from '@quanta/core';

/*
 * Every Cypher text the adapter runs. All values travel as parameters; the only variable parts
 * of a text are picked from closed, hard-coded tables here (filter clauses, traversal direction).
 *
 * Graph shape:
 *   (:Node {iri, kind, label, stub, owner})   owner: the product that wrote it; absent for shared and stub nodes
 *   (:Node)-[:REL {type}]->(:Node)            one relationship type, the RelationType in a property
 *   (:Product {iri, revision, hash, headKey, domain, ownerTeam, status, createdAt})   the head, for filters
 *   (:Revision {key, iri, revision, hash, status, descriptor, recordedAt, recordedBy})   append-only
 *
 * Why one `:REL` type with a `type` property: Cypher cannot take a relationship type as a
 * parameter, so typed relationships would need one write query per type (or text built from
 * input). With `:REL {type}` a save writes every edge in one static, parameterised UNWIND and a
 * traversal filters with `r.type IN $types`. Relations per node are few (a product's handful of
 * ports, domain, team, inputs), so the lost type-store filtering costs nothing measurable.
 */

/** Takes the write lock on the product head (creating it when new) before anything is read. */
export const LOCK_HEAD = `MERGE (p:Product {iri: $iri}) SET p._lock = true REMOVE p._lock`;

export const READ_HEAD = `MATCH (p:Product {iri: $iri}) WHERE p.revision IS NOT NULL
RETURN p.revision AS revision, p.hash AS hash, p.createdAt AS createdAt`;

/** Locks the nodes a product wants to own, in IRI order, so two products racing for one port serialize. */
export const LOCK_OWNED = `UNWIND $iris AS iri MERGE (n:Node {iri: iri}) SET n._lock = true REMOVE n._lock`;

/** A freshly merged lock node has no kind yet: it does not count as existing. */
export const READ_OWNED = `UNWIND $iris AS iri MATCH (n:Node {iri: iri}) WHERE n.kind IS NOT NULL
RETURN n.iri AS iri, n.kind AS kind, n.stub AS stub, n.owner AS owner`;

export const WRITE_REVISION = `MATCH (p:Product {iri: $iri})
CREATE (:Revision {key: $key, iri: $iri, revision: $revision, hash: $hash, status: $status,
                   descriptor: $descriptor, recordedAt: $recordedAt, recordedBy: $recordedBy})
SET p.revision = $revision, p.hash = $hash, p.headKey = $key, p.domain = $domain,
    p.ownerTeam = $ownerTeam, p.status = $status, p.createdAt = coalesce(p.createdAt, $recordedAt)`;

/** Edges from owned nodes are the product's own (edges must start at owned nodes): drop them all. */
export const DELETE_OWNED_EDGES = `MATCH (:Node {owner: $iri})-[r:REL]->() DELETE r`;

/** Ports the new revision no longer has. */
export const DELETE_DROPPED_NODES = `MATCH (n:Node {owner: $iri}) WHERE NOT n.iri IN $keep DETACH DELETE n`;

export const WRITE_OWNED_NODES = `UNWIND $nodes AS o MATCH (n:Node {iri: o.iri})
SET n.kind = o.kind, n.label = o.label, n.stub = false, n.owner = $iri`;

/** Referenced nodes are created when missing and never overwritten (a registered upstream stays registered). */
export const WRITE_REFERENCED_NODES = `UNWIND $nodes AS x MERGE (n:Node {iri: x.iri})
ON CREATE SET n.kind = x.kind, n.label = x.label, n.stub = x.stub`;

export const WRITE_EDGES = `UNWIND $edges AS e
MATCH (a:Node {iri: e.from}) MATCH (b:Node {iri: e.to})
MERGE (a)-[:REL {type: e.type}]->(b)`;

const REVISION_FIELDS = `r.iri AS iri, r.revision AS revision, r.hash AS hash, r.status AS status,
  r.descriptor AS descriptor, r.recordedAt AS recordedAt, r.recordedBy AS recordedBy`;

export const PRODUCT = `MATCH (p:Product {iri: $iri}) MATCH (r:Revision {key: p.headKey})
RETURN ${REVISION_FIELDS}, p.createdAt AS createdAt`;

export const REVISION = `MATCH (r:Revision {key: $key}) RETURN ${REVISION_FIELDS}`;

export const REVISIONS = `MATCH (r:Revision {iri: $iri}) RETURN ${REVISION_FIELDS} ORDER BY r.revision`;

export const NODE = `MATCH (n:Node {iri: $iri}) WHERE n.kind IS NOT NULL
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
