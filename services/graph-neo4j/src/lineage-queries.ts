/*
 * Every Cypher text of the lineage half (ADR 0008). As in `queries.ts`, all values are parameters;
 * the only variable text is the link direction, picked from a closed table.
 *
 * Graph shape, beside the product shape in `queries.ts`:
 *   (:Node {iri, kind: 'Job'|'Dataset'|'Run'|'DatasetField', label, stub, facets, updatedAt})
 *       facets: core's StoredFacets as JSON; updatedAt: the latest eventTime that named the node
 *   (job)-[:REL {type: 'reads'|'writes', owner: <job iri>, firstSeen, lastSeen}]->(dataset)
 *   (run)-[:REL {type: 'runOf', owner: <run iri>}]->(job)
 *   (:Node)-[:REL {type: 'hasField'|'derivedFrom', owner: '<dataset iri>#<facet>'}]->(:Node)
 *   (:LineageEvent {key, hash, kind, runId, eventType, eventTime, event, receivedAt})   append-only, as received
 *   (:Run {runId, job, state, startedAt, endType, endedAt, lastType, lastEventAt})
 *       the run's state as core's RunSummary (foldRunEvent), also the run's write lock
 */

/**
 * Write-locks the runs of a save (creating the new ones), in the given (run id) order, then reads
 * each one's job and summary: the read follows the lock, so it sees every event committed before.
 * A freshly merged lock node has no job yet and is left out. A run stored before summaries existed
 * (no lastType) comes with its events, to fold once.
 */
export const LOCK_AND_READ_RUNS = `UNWIND $runIds AS runId
MERGE (r:Run {runId: runId}) SET r._lock = true REMOVE r._lock
WITH r WHERE r.job IS NOT NULL
RETURN r.runId AS runId, r.job AS job, r {.startedAt, .endType, .endedAt, .lastType, .lastEventAt} AS summary,
       CASE WHEN r.lastType IS NULL THEN COLLECT { MATCH (e:LineageEvent {runId: r.runId}) RETURN e {.eventType, .eventTime, .receivedAt} } ELSE [] END AS events`;

/** Write-locks the jobs and datasets of a save in the given (IRI) order, then reads their facets. */
export const LOCK_AND_READ_FACETS = `UNWIND $iris AS iri
MERGE (n:Node {iri: iri}) SET n._lock = true REMOVE n._lock
WITH n WHERE n.facets IS NOT NULL
RETURN n.iri AS iri, n.facets AS facets, n.updatedAt AS updatedAt`;

/** The stored hash of each event key (run events are locked by their run, static ones by their subject). */
export const EVENT_HASHES = `UNWIND $keys AS key MATCH (e:LineageEvent {key: key}) RETURN e.key AS key, e.hash AS hash`;

export const CREATE_EVENTS = `UNWIND $events AS e
CREATE (:LineageEvent {key: e.key, hash: e.hash, kind: e.kind, runId: e.runId, eventType: e.eventType,
                       eventTime: e.eventTime, event: e.event, receivedAt: e.receivedAt})`;

/**
 * Lineage nodes are created when missing; a non-stub fills in an unowned stub of the same kind (a
 * dataset a descriptor or a column lineage named), and a kind-less lock placeholder is filled in
 * whole. The SET runs only when something changes, so saves that merely name a node do not queue
 * on its write lock, except for the nodes a facet value names (`x.lock`) that a concurrent save
 * could drop as orphans (DROP_ORPHANS): fields and stubs, not a dataset already filled in. Those
 * are locked as they are merged, so none is dropped once this save holds it, and a dropper that
 * comes later sees this save's edges. One dropped while this save waited for its lock is, in
 * Neo4j, written to without an error; `writeEdges` finds it missing and the save is rerun.
 */
export const WRITE_LINEAGE_NODES = `UNWIND $nodes AS x
MERGE (n:Node {iri: x.iri}) ON CREATE SET n.kind = x.kind, n.label = x.label, n.stub = x.stub
FOREACH (_ IN CASE WHEN x.lock AND (n.kind = 'DatasetField' OR n.stub) THEN [1] ELSE [] END | SET n._lock = true REMOVE n._lock)
WITH n, x WHERE n.kind IS NULL OR (n.stub AND NOT x.stub AND n.kind = x.kind AND n.owner IS NULL)
SET n.kind = x.kind, n.label = x.label, n.stub = x.stub`;

export const WRITE_FACETS = `UNWIND $facets AS x MATCH (n:Node {iri: x.iri}) SET n.facets = x.facets, n.updatedAt = x.updatedAt`;

/**
 * A job's reads and writes: one edge per (job, role, dataset), widened to the earliest and latest
 * eventTime seen. The ON MATCH read is safe: every writer of a job's edges holds the job's lock.
 */
export const MERGE_USES = `UNWIND $uses AS u
MATCH (j:Node {iri: u.job}) MATCH (d:Node {iri: u.dataset})
MERGE (j)-[r:REL {type: u.type, owner: u.job}]->(d)
ON CREATE SET r.firstSeen = u.firstSeen, r.lastSeen = u.lastSeen
ON MATCH SET r.firstSeen = CASE WHEN u.firstSeen < r.firstSeen THEN u.firstSeen ELSE r.firstSeen END,
             r.lastSeen = CASE WHEN u.lastSeen > r.lastSeen THEN u.lastSeen ELSE r.lastSeen END`;

export const MERGE_RUN_OF = `UNWIND $runs AS x
MATCH (r:Node {iri: x.run}) MATCH (j:Node {iri: x.job})
MERGE (r)-[:REL {type: 'runOf', owner: x.run}]->(j)`;

export const WRITE_RUNS = `UNWIND $runs AS x MATCH (r:Run {runId: x.runId})
SET r.job = x.job, r.state = x.state, r.startedAt = x.startedAt, r.endType = x.endType, r.endedAt = x.endedAt,
    r.lastType = x.lastType, r.lastEventAt = x.lastEventAt`;

/** The nodes the edges of facet owners (`<dataset>#schema`) touch, read before they are replaced. */
export const OWNED_EDGE_ENDS = `UNWIND $owners AS owner MATCH (a:Node)-[:REL {owner: owner}]->(b:Node)
UNWIND [a.iri, b.iri] AS iri RETURN DISTINCT iri`;

/**
 * Of those, the fields and column-lineage stub datasets no edge touches any more, with their
 * counters: what only an old facet value named goes with it (run after the new edges are written).
 * Each candidate is write-locked and then read again: a concurrent save that gives it an edge, or
 * fills the stub in, holds its lock until it commits (WRITE_LINEAGE_NODES, WRITE_REFERENCED_NODES,
 * LOCK_AND_READ_FACETS), so the second read sees what that save did; the first read, before the
 * lock, may not have. One a concurrent dropper deleted meanwhile reads as kind-less and is left.
 */
export const DROP_ORPHANS = `UNWIND $iris AS iri MATCH (n:Node {iri: iri})
WHERE n.kind = 'DatasetField' OR (n.kind = 'Dataset' AND n.stub)
SET n._lock = true REMOVE n._lock
WITH n WHERE (n.kind = 'DatasetField' OR (n.kind = 'Dataset' AND n.stub)) AND NOT (n)--()
OPTIONAL MATCH (c:Counter {iri: n.iri})
DELETE n, c`;

/** What locking left behind for refused records: nodes without a kind, runs without a job (run after the writes). */
export const CLEAR_LINEAGE_LOCK_RESIDUE = `CALL { UNWIND $iris AS iri MATCH (n:Node {iri: iri}) WHERE n.kind IS NULL DETACH DELETE n }
CALL { UNWIND $runIds AS runId MATCH (r:Run {runId: runId}) WHERE r.job IS NULL DELETE r }`;

export const RUN = `MATCH (r:Run {runId: $runId}) WHERE r.job IS NOT NULL
RETURN r.job AS job, COLLECT { MATCH (e:LineageEvent {runId: $runId}) RETURN e {.eventType, .eventTime, .receivedAt} } AS events`;

/** Datasets and jobs with what `lineageNodes` shows of them; the caller keeps the asked order. */
export const LINEAGE_NODES = `UNWIND $iris AS iri
MATCH (n:Node {iri: iri}) WHERE n.kind IN ['Dataset', 'Job']
RETURN n.iri AS iri, n.kind AS kind, n.facets AS facets, n.updatedAt AS updatedAt,
  COLLECT { MATCH (p:Node)-[:REL {type: 'hasOutputPort'}]->(port:Node)-[:REL {type: 'exposesDataset'}]->(n)
            WITH DISTINCT p.iri AS product, port.iri AS port ORDER BY product, port
            RETURN {product: product, port: port} } AS exposedBy,
  COLLECT { MATCH (n)-[u:REL]->(d:Node) WHERE u.type IN ['reads', 'writes'] AND u.owner = n.iri
            WITH u.type AS role, d.iri AS dataset, u.firstSeen AS firstSeen, u.lastSeen AS lastSeen ORDER BY role, dataset
            RETURN {role: role, dataset: dataset, firstSeen: firstSeen, lastSeen: lastSeen} } AS uses,
  COLLECT { MATCH (r:Run {job: n.iri}) WITH r ORDER BY r.lastEventAt DESC, r.runId DESC LIMIT 1
            RETURN r {.runId, .job, .state, .startedAt, .endedAt} } AS latestRun`;

// One hop of product lineage in three ways, as the embedded graph's SQL: declared (an input port
// names the product), dataset (an input port names a dataset the other product exposes) and job (a
// job read one product's dataset and wrote the other's). UNION makes the rows distinct.
const UPSTREAM = `UNWIND $products AS product
MATCH (t:Node {iri: product})-[:REL {type: 'consumes'}]->(f:Node)
RETURN f.iri AS from, t.iri AS to, 'declared' AS via, null AS job, null AS dataset
UNION
UNWIND $products AS product
MATCH (t:Node {iri: product})-[:REL {type: 'readsDataset'}]->(d:Node)<-[:REL {type: 'exposesDataset'}]-(:Node)<-[:REL {type: 'hasOutputPort'}]-(f:Node)
WHERE f.iri <> t.iri
RETURN f.iri AS from, t.iri AS to, 'dataset' AS via, null AS job, d.iri AS dataset
UNION
UNWIND $products AS product
MATCH (t:Node {iri: product})-[:REL {type: 'hasOutputPort'}]->(:Node)-[:REL {type: 'exposesDataset'}]->(:Node)<-[:REL {type: 'writes'}]-(j:Node)
MATCH (j)-[:REL {type: 'reads'}]->(d:Node)<-[:REL {type: 'exposesDataset'}]-(:Node)<-[:REL {type: 'hasOutputPort'}]-(f:Node)
WHERE f.iri <> t.iri
RETURN f.iri AS from, t.iri AS to, 'job' AS via, j.iri AS job, d.iri AS dataset`;

const DOWNSTREAM = `UNWIND $products AS product
MATCH (t:Node)-[:REL {type: 'consumes'}]->(f:Node {iri: product})
RETURN f.iri AS from, t.iri AS to, 'declared' AS via, null AS job, null AS dataset
UNION
UNWIND $products AS product
MATCH (f:Node {iri: product})-[:REL {type: 'hasOutputPort'}]->(:Node)-[:REL {type: 'exposesDataset'}]->(d:Node)<-[:REL {type: 'readsDataset'}]-(t:Node)
WHERE f.iri <> t.iri
RETURN f.iri AS from, t.iri AS to, 'dataset' AS via, null AS job, d.iri AS dataset
UNION
UNWIND $products AS product
MATCH (f:Node {iri: product})-[:REL {type: 'hasOutputPort'}]->(:Node)-[:REL {type: 'exposesDataset'}]->(d:Node)<-[:REL {type: 'reads'}]-(j:Node)
MATCH (j)-[:REL {type: 'writes'}]->(:Node)<-[:REL {type: 'exposesDataset'}]-(:Node)<-[:REL {type: 'hasOutputPort'}]-(t:Node)
WHERE f.iri <> t.iri
RETURN f.iri AS from, t.iri AS to, 'job' AS via, j.iri AS job, d.iri AS dataset`;

/** The product-link query of a direction, rows in a stable order. */
export const PRODUCT_LINKS: Readonly<Record<'upstream' | 'downstream', string>> = {
  upstream: `CALL { ${UPSTREAM} } RETURN from, to, via, job, dataset ORDER BY from, to, via, job, dataset`,
  downstream: `CALL { ${DOWNSTREAM} } RETURN from, to, via, job, dataset ORDER BY from, to, via, job, dataset`,
};

/**
 * Each (job, dataset) where a job read one of the product's datasets, with the job's facets and
 * the first other product (by IRI) whose dataset the job writes: whom the use counts for.
 */
export const LINEAGE_READERS = `MATCH (:Node {iri: $product})-[:REL {type: 'hasOutputPort'}]->(:Node)-[:REL {type: 'exposesDataset'}]->(d:Node)<-[u:REL {type: 'reads'}]-(j:Node)
WITH DISTINCT j, d.iri AS dataset, u.lastSeen AS lastSeen
RETURN j.iri AS job, dataset, lastSeen, j.facets AS facets,
  COLLECT { MATCH (j)-[:REL {type: 'writes'}]->(:Node)<-[:REL {type: 'exposesDataset'}]-(:Node)<-[:REL {type: 'hasOutputPort'}]-(q:Node)
            WHERE q.iri <> $product
            WITH DISTINCT q.iri AS written ORDER BY written RETURN written } AS written
ORDER BY job, dataset`;
