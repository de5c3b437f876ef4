import type { GraphEdge, GraphNode, Traversal, TraverseOptions } from '@quanta/core';
import { type NodeRow, toNode } from './rows.js';
import type { Statements } from './statements.js';

/** The deepest traversal allowed (DESIGN.md §7). */
export const MAX_DEPTH = 10;

/**
 * Breadth-first traversal over the edge table, one hop at a time. It stops adding nodes at
 * `maxNodes` and reports truncation, so a hub node costs at most the cap, never the whole graph.
 */
export function traverse(st: Statements, start: string, options: TraverseOptions): Traversal {
  const first = st.node.get(start) as NodeRow | undefined;
  if (!first) return { nodes: [], edges: [], truncated: false };
  const types = options.types ? new Set<string>(options.types) : undefined;
  const depth = Math.max(0, Math.min(MAX_DEPTH, Math.floor(options.depth)));
  const reached = new Map<string, GraphNode>([[start, toNode(first)]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [start];
  let truncated = reached.size > options.maxNodes;

  for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop++) {
    const next: string[] = [];
    for (const iri of frontier) {
      for (const { edge, other } of neighbours(st, iri, options.direction, types)) {
        if (!reached.has(other)) {
          if (reached.size >= options.maxNodes) {
            truncated = true;
            continue;
          }
          const row = st.node.get(other) as NodeRow | undefined;
          if (!row) continue;
          reached.set(other, toNode(row));
          next.push(other);
        }
        edges.set(`${edge.from}\u0000${edge.type}\u0000${edge.to}`, edge);
      }
    }
    frontier = next;
  }
  return { nodes: [...reached.values()], edges: [...edges.values()], truncated };
}

function* neighbours(st: Statements, iri: string, direction: TraverseOptions['direction'], types?: Set<string>) {
  if (direction !== 'in') {
    for (const r of st.edgesFrom.all(iri)) {
      if (!types || types.has(r.type)) yield { edge: toEdge(r), other: r.dst };
    }
  }
  if (direction !== 'out') {
    for (const r of st.edgesTo.all(iri)) {
      if (!types || types.has(r.type)) yield { edge: toEdge(r), other: r.src };
    }
  }
}

function toEdge(r: { src: string; type: string; dst: string }): GraphEdge {
  return { from: r.src, type: r.type as GraphEdge['type'], to: r.dst };
}
