import { breadthFirst, type Traversal, type TraverseOptions } from '@quanta/core';
import type { ManagedTransaction } from 'neo4j-driver';
import * as q from './queries.js';
import { type HopRecord, type NodeRecord, toEdge, toNode } from './records.js';

/**
 * A bounded breadth-first traversal (core's `breadthFirst`), one query per hop for the whole
 * frontier: a hop returns only the frontier's edges, so the work is bounded by `depth` and
 * `maxNodes` rather than by the paths a `[*1..N]` pattern would enumerate through a hub.
 */
export async function traverse(tx: ManagedTransaction, start: string, options: TraverseOptions): Promise<Traversal> {
  const first = (await tx.run<NodeRecord>(q.NODE, { iri: start })).records[0];
  if (!first) return { nodes: [], edges: [], truncated: false };
  const types = options.types ? [...options.types] : null;
  const hop = q.hopQuery(options.direction);
  return breadthFirst(toNode(first.toObject()), options, async (frontier) =>
    (await tx.run<HopRecord>(hop, { frontier, types })).records.map((record) => {
      const r = record.toObject();
      return { edge: toEdge(r), other: r.other.iri, node: () => toNode(r.other) };
    }),
  );
}
