import { ConflictError } from '@quanta/model';
import type { SaveProductInput } from '../ports/knowledge-graph.js';

/** A product head as a save reads it (under its lock, where the backend needs one). */
export interface Head {
  readonly revision: number;
  readonly hash: string;
  readonly createdAt: string;
}

/** What a save does with one product: refuse it, leave it, or write the next revision. */
export type Verdict =
  | { readonly kind: 'refused'; readonly error: ConflictError }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'write'; readonly revision: number; readonly createdAt: string; readonly updated: boolean };

/**
 * The KnowledgeGraph revision rule, shared by every adapter: compare-and-set against the current
 * head, then change detection by hash. An equal hash is `unchanged` (no new revision); anything
 * else is the next revision, keeping the product's first `createdAt`.
 */
export function judgeRevision(input: SaveProductInput, head: Head | undefined): Verdict {
  const { revision: rev, expectedRevision } = input;
  const current = head?.revision ?? 0;
  if (expectedRevision !== undefined && current !== expectedRevision) {
    return { kind: 'refused', error: new ConflictError(`${rev.iri} is at revision ${current}, not ${expectedRevision}; read it again and retry`) };
  }
  if (head?.hash === rev.hash) return { kind: 'unchanged' };
  return { kind: 'write', revision: current + 1, createdAt: head?.createdAt ?? rev.recordedAt, updated: head !== undefined };
}
