import { type BatchItemResult, type ExistingNode, type GraphEdge, type GraphNode, type Head, judgeRevision, type SaveProductInput, type Verdict } from '@quanta/core';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { judgeOwnership } from './judge.js';
import { enqueueSaved } from './outbox.js';
import * as q from './queries.js';
import { type ProductRecord, toProduct } from './records.js';
import { revisionKey } from './schema.js';
import { writeEdges } from './write-edges.js';

interface HeadRecord extends Head {
  [key: string]: unknown;
  iri: string;
}

interface OwnedRecord extends ExistingNode {
  [key: string]: unknown;
  iri: string;
}

type Write = { readonly input: SaveProductInput; readonly verdict: Extract<Verdict, { kind: 'write' }> };

/**
 * Saves a batch (one product or many) as a transaction function for `session.executeWrite`. It
 * keeps no state outside the transaction, so the driver may rerun it after a transient error (a
 * deadlock, a leader switch) from the start. Neo4j reads are read-committed, so every head and
 * every node to own is write-locked, in IRI order, before it is read: concurrent saves of one
 * product serialize and none is lost. The writes are one UNWIND statement per kind of change for
 * the whole batch, which is what makes bulk registration fast.
 */
export async function saveBatch(tx: ManagedTransaction, inputs: readonly SaveProductInput[]): Promise<BatchItemResult[]> {
  const heads = await lockHeads(tx, inputs.map((i) => i.revision.iri));
  const byRevision = inputs.map((input) => judgeRevision(input, heads.get(input.revision.iri)));
  const toWrite = inputs.filter((_, k) => byRevision[k]?.kind === 'write');
  const stored = await lockOwned(tx, toWrite.flatMap((i) => i.graph.owned.map((n) => n.iri)));
  const verdicts = judgeOwnership(inputs, byRevision, stored);

  const writes = inputs.flatMap((input, k): Write[] => {
    const verdict = verdicts[k] as Verdict;
    return verdict.kind === 'write' ? [{ input, verdict }] : [];
  });
  const refused = inputs.filter((_, k) => verdicts[k]?.kind === 'refused');
  // Before any write: a later item that references a refused item's node must MERGE a real stub,
  // not adopt the kind-less lock placeholder that the cleanup would then delete with its edge.
  if (refused.length > 0) await clearLockResidue(tx, refused, writes);
  if (writes.length > 0) await writeAll(tx, writes);
  const unchanged = await readProducts(tx, inputs.filter((_, k) => verdicts[k]?.kind === 'unchanged').map((i) => i.revision.iri));

  return inputs.map((input, k): BatchItemResult => {
    const verdict = verdicts[k] as Verdict;
    const iri = input.revision.iri;
    switch (verdict.kind) {
      case 'refused':
        return { ok: false, error: verdict.error };
      case 'unchanged':
        return { ok: true, saved: { product: unchanged.get(iri) ?? vanished(iri), outcome: 'unchanged' } };
      case 'write': {
        // The product just written, built from what was written rather than read back.
        const product = { ...input.revision, revision: verdict.revision, createdAt: verdict.createdAt };
        return { ok: true, saved: { product, outcome: verdict.updated ? 'updated' : 'created' } };
      }
    }
  });
}

/** Deletes the placeholders locking left for refused items: kind-less nodes, revision-less heads. */
async function clearLockResidue(tx: ManagedTransaction, refused: readonly SaveProductInput[], writes: readonly Write[]): Promise<void> {
  const written = new Set(writes.flatMap(({ input }) => input.graph.owned.map((n) => n.iri)));
  const nodes = [...new Set(refused.flatMap((i) => i.graph.owned.map((n) => n.iri)))].filter((iri) => !written.has(iri));
  await tx.run(q.CLEAR_LOCK_RESIDUE, { nodes, heads: refused.map((i) => i.revision.iri) });
}

async function lockHeads(tx: ManagedTransaction, iris: readonly string[]): Promise<Map<string, Head>> {
  const result = await tx.run<HeadRecord>(q.LOCK_AND_READ_HEADS, { iris: [...iris].sort() });
  return new Map(result.records.map((r) => [r.get('iri'), r.toObject()] as const));
}

/** Locks the nodes to own in IRI order (a stable lock order keeps deadlocks rare; the driver retries the rest). */
async function lockOwned(tx: ManagedTransaction, iris: readonly string[]): Promise<Map<string, ExistingNode>> {
  if (iris.length === 0) return new Map();
  const result = await tx.run<OwnedRecord>(q.LOCK_AND_READ_OWNED, { iris: [...new Set(iris)].sort() });
  return new Map(result.records.map((r) => [r.get('iri'), r.toObject()] as const));
}

/**
 * Every change of the batch, one statement per kind, pipelined: the driver sends them in order on
 * the transaction's connection without waiting for each answer; the first failure fails them all.
 * The search outbox entries are among them, so they commit exactly when the revisions do (ADR 0014).
 */
async function writeAll(tx: ManagedTransaction, writes: readonly Write[]): Promise<void> {
  const products = writes.map(({ input }) => input);
  await Promise.all([
    tx.run(q.WRITE_REVISIONS, { revisions: writes.map(revisionParams) }),
    tx.run(q.DELETE_OWNED_EDGES, { iris: products.map((p) => p.revision.iri) }),
    tx.run(q.DELETE_DROPPED_NODES, { products: products.map((p) => ({ iri: p.revision.iri, keep: p.graph.owned.map((n) => n.iri) })) }),
    tx.run(q.WRITE_OWNED_NODES, { nodes: products.flatMap((p) => p.graph.owned.map(({ iri, kind, label }) => ({ iri, kind, label, owner: p.revision.iri }))) }),
    tx.run(q.WRITE_REFERENCED_NODES, { nodes: distinctNodes(products.flatMap((p) => p.graph.referenced)) }),
    writeEdges(tx, products.flatMap((p) => distinctEdges(p.graph.edges).map((e) => ({ ...e, owner: p.revision.iri })))),
    enqueueSaved(tx, writes.map(({ input, verdict }) => ({ iri: input.revision.iri, revision: verdict.revision, recordedAt: input.revision.recordedAt }))),
  ]);
}

function revisionParams({ input, verdict }: Write) {
  const { revision: rev } = input;
  const d = rev.descriptor;
  return {
    iri: rev.iri,
    key: revisionKey(rev.iri, verdict.revision),
    // Stored as a Neo4j Integer: a JS number parameter would become a float.
    revision: neo4j.int(verdict.revision),
    hash: rev.hash,
    status: d.status,
    descriptor: JSON.stringify(d),
    recordedAt: rev.recordedAt,
    recordedBy: rev.recordedBy,
    semantics: rev.semantics === undefined ? null : JSON.stringify(rev.semantics),
    domain: d.domain,
    ownerTeam: d.owner.team,
  };
}

/** The first mention of each referenced node wins, as with one save after another. */
function distinctNodes(nodes: readonly GraphNode[]) {
  const byIri = new Map<string, { iri: string; kind: string; label: string; stub: boolean }>();
  for (const { iri, kind, label, stub } of nodes) if (!byIri.has(iri)) byIri.set(iri, { iri, kind, label, stub });
  return [...byIri.values()];
}

/** Each edge once, as WRITE_EDGES creates rather than merges. */
function distinctEdges(edges: readonly GraphEdge[]) {
  const byKey = new Map(edges.map(({ from, type, to }) => [`${from}\n${type}\n${to}`, { from, type, to }]));
  return [...byKey.values()];
}

async function readProducts(tx: ManagedTransaction, iris: readonly string[]) {
  if (iris.length === 0) return new Map();
  const result = await tx.run<ProductRecord>(q.PRODUCTS, { iris });
  return new Map(result.records.map((r) => [r.get('iri'), toProduct(r.toObject())] as const));
}

function vanished(iri: string): never {
  throw new Error(`product ${iri} vanished inside its own transaction`);
}
