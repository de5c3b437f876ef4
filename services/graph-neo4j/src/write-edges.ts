import type { ManagedTransaction } from 'neo4j-driver';
import * as q from './queries.js';

/** One edge as WRITE_EDGES creates it: its ends by IRI, and the owner that replaces it. */
export interface EdgeParams {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly owner: string;
}

/**
 * A node a save was writing was deleted under it: an end of an edge, by a concurrent lineage save
 * that dropped it as an orphan (a field or a column-lineage stub, DROP_ORPHANS), or a search outbox
 * entry, by a concurrent completion (see `outbox.ts`). The adapter reruns the save, which creates
 * the node again.
 */
export class VanishedNodeError extends Error {
  constructor(missing: number, what = 'edge(s)') {
    super(`${missing} ${what} lost a node to a concurrent write`);
    this.name = 'VanishedNodeError';
  }
}

/**
 * Creates the edges (each passed once) between nodes the save has written, and checks that every
 * one was. A save that waited for a node's lock while a concurrent save deleted it is not told so
 * by Neo4j: its write to the deleted node succeeds and the edge's MATCH then finds nothing, so
 * the edge would be lost without a word. Counting turns that into an error, and a rerun.
 * @throws VanishedNodeError when an end no longer exists
 */
export async function writeEdges(tx: ManagedTransaction, edges: readonly EdgeParams[]): Promise<void> {
  const result = await tx.run<{ written: number }>(q.WRITE_EDGES, { edges });
  const written = result.records[0]?.get('written') ?? 0;
  if (written < edges.length) throw new VanishedNodeError(edges.length - written);
}
