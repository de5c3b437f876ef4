import { breadthFirst, type GraphEdge, type Hop, type Traversal, type TraverseOptions } from '@quanta/core';
import { type NodeRow, toNode } from './rows.js';
import type { Statements } from './statements.js';

/** A bounded breadth-first traversal (core's `breadthFirst`) over the edge table, both ways indexed. */
export async function traverse(st: Statements, start: string, options: TraverseOptions): Promise<Traversal> {
  const first = st.node.get(start) as NodeRow | undefined;
  if (!first) return { nodes: [], edges: [], truncated: false };
  const types = options.types ? JSON.stringify(options.types) : undefined;
  return breadthFirst(toNode(first), options, (frontier) => frontier.flatMap((iri) => [...neighbours(st, iri, options.direction, types)]));
}

/** @param types the relation types to follow as a JSON array, or undefined for all */
function* neighbours(st: Statements, iri: string, direction: TraverseOptions['direction'], types?: string): Generator<Hop> {
  const hop = (r: { src: string; type: string; dst: string }, other: string): Hop => ({
    edge: { from: r.src, type: r.type as GraphEdge['type'], to: r.dst },
    other,
    node: () => {
      const row = st.node.get(other) as NodeRow | undefined;
      return row && toNode(row);
    },
  });
  if (direction !== 'in') {
    for (const r of types ? st.edgesFromOfTypes.all(iri, types) : st.edgesFrom.all(iri)) yield hop(r, r.dst);
  }
  if (direction !== 'out') {
    for (const r of types ? st.edgesToOfTypes.all(iri, types) : st.edgesTo.all(iri)) yield hop(r, r.src);
  }
}
