import { ConflictError } from '@quanta/model';
import type { GraphNode } from '../ports/knowledge-graph.js';

/** What a graph holds at an IRI a product wants to own. */
export interface ExistingNode {
  readonly kind: string;
  readonly stub: boolean;
  readonly owner: string | null;
}

/**
 * The KnowledgeGraph ownership rule, shared by every adapter: a product may write a node it already
 * owns, a new one, or a stub of the same kind (an upstream product someone referenced before it
 * registered). Anything else — another product's port, a shared domain or team, a concept —
 * belongs to someone else.
 * @throws ConflictError naming the node and its owner
 */
export function assertOwnable(product: string, node: GraphNode, existing: ExistingNode | undefined): void {
  if (!existing || existing.owner === product) return;
  if (existing.owner === null && existing.stub && existing.kind === node.kind) return;
  const whose = existing.owner ? ` of ${existing.owner}` : '';
  throw new ConflictError(`${node.iri} is already a ${existing.kind}${whose}; a product can only write its own IRI and ports`, [
    { pointer: node.kind === 'OutputPort' ? '/outputPorts' : '/id', message: `${node.iri} is taken` },
  ]);
}
