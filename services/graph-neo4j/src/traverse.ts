import type { GraphEdge, GraphNode, Traversal, TraverseOptions } from '@quanta/core';
import type { ManagedTransaction } from 'neo4j-driver';
import * as q from './queries.js';
import { type HopRecord, type NodeRecord, toEdge, toNode } from './records.js';

/** The deepest traversal allowed (DESIGN.md §7). */
export const MAX_DEPTH = 10;

/**
 * Breadth-first traversal, one query per hop for the whole frontier (like the embedded graph):
 * a hop returns only the edges of the frontier, so the work is bounded by `depth` and `maxNodes`
 * rather than by the paths a `[*1..N]` pattern would enumerate through a hub. It stops adding
 * nodes at `maxNodes` and reports truncation.
 */
export async function traverse(tx: ManagedTransaction, start: string, options: TraverseOptions): Promise<Traversal> {
  const first = (await tx.run<NodeRecord>(q.NODE, { iri: start })).records[0];
  if (!first) return { nodes: [], edges: [], truncated: false };
  const depth = Math.max(0, Math.min(MAX_DEPTH, Math.floor(options.depth)));
  const types = options.types ? [...options.types] : null;
  const hop = q.hopQuery(options.direction);
  const reached = new Map<string, GraphNode>([[start, toNode(first.toObject())]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [start];
  let truncated = reached.size > options.maxNodes;

  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next: string[] = [];
    for (const record of (await tx.run<HopRecord>(hop, { frontier, types })).records) {
      const r = record.toObject();
      if (!reached.has(r.other.iri)) {
        if (reached.size >= options.maxNodes) {
          truncated = true;
          continue;
        }
        reached.set(r.other.iri, toNode(r.other));
        next.push(r.other.iri);
      }
      edges.set(`${r.from}\u0000${r.type}\u0000${r.to}`, toEdge(r));
    }
    frontier = next;
  }
  return { nodes: [...reached.values()], edges: [...edges.values()], truncated };
}
