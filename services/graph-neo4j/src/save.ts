import { assertOwnable, type ExistingNode, type SaveOutcome, type SaveProductInput } from '@quanta/core';
import { ConflictError } from '@quanta/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import * as q from './queries.js';
import { type ProductRecord, toProduct } from './records.js';
import { revisionKey } from './schema.js';

interface HeadRecord {
  [key: string]: unknown;
  revision: number;
  hash: string;
  createdAt: string;
}

interface OwnedRecord extends ExistingNode {
  [key: string]: unknown;
  iri: string;
}

/**
 * Refuses, before any transaction, a graph whose edges start at nodes the product does not own:
 * a product only ever writes its own outgoing relations.
 */
export function assertOwnEdges({ revision, graph }: SaveProductInput): void {
  const owned = new Set(graph.owned.map((n) => n.iri));
  const foreign = graph.edges.find((e) => !owned.has(e.from));
  if (foreign) throw new Error(`edge from ${foreign.from} is not owned by product ${revision.iri}`);
}

/**
 * One registration as a transaction function for `session.executeWrite`. It keeps no state
 * outside the transaction, so the driver may rerun it after a transient error (a deadlock, a
 * leader switch) from the start. Neo4j reads are read-committed: the product head is write-locked
 * before its revision is read, so concurrent saves of one IRI serialize and none is lost; a
 * ConflictError is not transient and ends the transaction (rolled back: nothing is stored).
 */
export async function saveProduct(tx: ManagedTransaction, input: SaveProductInput): Promise<SaveOutcome> {
  const { revision: rev, graph } = input;
  await tx.run(q.LOCK_HEAD, { iri: rev.iri });
  const head = (await tx.run<HeadRecord>(q.READ_HEAD, { iri: rev.iri })).records[0]?.toObject();
  if (input.expectedRevision !== undefined && (head?.revision ?? 0) !== input.expectedRevision) {
    throw new ConflictError(`${rev.iri} is at revision ${head?.revision ?? 0}, not ${input.expectedRevision}; read it again and retry`);
  }
  if (head?.hash === rev.hash) return { product: await readProduct(tx, rev.iri), outcome: 'unchanged' };
  await assertOwnership(tx, input);

  const revision = (head?.revision ?? 0) + 1;
  const d = rev.descriptor;
  await tx.run(q.WRITE_REVISION, {
    iri: rev.iri,
    key: revisionKey(rev.iri, revision),
    // Stored as a Neo4j Integer: a JS number parameter would become a float.
    revision: neo4j.int(revision),
    hash: rev.hash,
    status: d.status,
    descriptor: JSON.stringify(d),
    recordedAt: rev.recordedAt,
    recordedBy: rev.recordedBy,
    domain: d.domain,
    ownerTeam: d.owner.team,
  });
  await tx.run(q.DELETE_OWNED_EDGES, { iri: rev.iri });
  await tx.run(q.DELETE_DROPPED_NODES, { iri: rev.iri, keep: graph.owned.map((n) => n.iri) });
  await tx.run(q.WRITE_OWNED_NODES, { iri: rev.iri, nodes: graph.owned.map(({ iri, kind, label }) => ({ iri, kind, label })) });
  await tx.run(q.WRITE_REFERENCED_NODES, { nodes: graph.referenced.map(({ iri, kind, label, stub }) => ({ iri, kind, label, stub })) });
  await tx.run(q.WRITE_EDGES, { edges: graph.edges.map(({ from, type, to }) => ({ from, type, to })) });
  // The product just written, built from what was written rather than read back.
  return { product: { ...rev, revision, createdAt: head?.createdAt ?? rev.recordedAt }, outcome: head ? 'updated' : 'created' };
}

/**
 * Locks the nodes the product wants to own, in IRI order (a stable lock order keeps deadlocks
 * rare; the driver retries the ones that happen), then applies the ownership rule to each.
 */
async function assertOwnership(tx: ManagedTransaction, { revision, graph }: SaveProductInput): Promise<void> {
  const iris = [...new Set(graph.owned.map((n) => n.iri))].sort();
  await tx.run(q.LOCK_OWNED, { iris });
  const result = await tx.run<OwnedRecord>(q.READ_OWNED, { iris });
  const existing = new Map(result.records.map((r) => [r.get('iri'), r.toObject()] as const));
  for (const node of graph.owned) assertOwnable(revision.iri, node, existing.get(node.iri));
}

async function readProduct(tx: ManagedTransaction, iri: string) {
  const record = (await tx.run<ProductRecord>(q.PRODUCT, { iri })).records[0];
  if (!record) throw new Error(`product ${iri} vanished inside its own transaction`);
  return toProduct(record.toObject());
}
