import { assertOwnable, type ExistingNode, type SaveProductInput } from '@quanta/core';
import { ConflictError } from '@quanta/model';

/** A product head as the transaction read it, under its lock. */
export interface Head {
  readonly revision: number;
  readonly hash: string;
  readonly createdAt: string;
}

/** What happens to one item of a batch. */
export type Verdict =
  | { readonly kind: 'refused'; readonly error: ConflictError }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'write'; readonly revision: number; readonly createdAt: string; readonly updated: boolean };

/** Compare-and-set and change detection for one item against its locked head. */
export function judgeRevision(input: SaveProductInput, head: Head | undefined): Verdict {
  const { revision: rev, expectedRevision } = input;
  const current = head?.revision ?? 0;
  if (expectedRevision !== undefined && current !== expectedRevision) {
    return { kind: 'refused', error: new ConflictError(`${rev.iri} is at revision ${current}, not ${expectedRevision}; read it again and retry`) };
  }
  if (head?.hash === rev.hash) return { kind: 'unchanged' };
  return { kind: 'write', revision: current + 1, createdAt: head?.createdAt ?? rev.recordedAt, updated: head !== undefined };
}

/**
 * Applies the ownership rule to the items still to be written, in batch order, as if each were
 * saved alone after the ones before it: a node an earlier item takes (or references as a stub)
 * counts as existing for the later ones. One exception, on the safe side: a port an earlier item
 * gives up is still taken for the rest of the batch, since what a product gives up is only known
 * after writing.
 */
export function judgeOwnership(inputs: readonly SaveProductInput[], verdicts: readonly Verdict[], stored: ReadonlyMap<string, ExistingNode>): Verdict[] {
  const claimed = new Map<string, ExistingNode>();
  return inputs.map((input, k) => {
    const verdict = verdicts[k] as Verdict;
    if (verdict.kind !== 'write') return verdict;
    const { revision, graph } = input;
    try {
      for (const node of graph.owned) assertOwnable(revision.iri, node, claimed.get(node.iri) ?? stored.get(node.iri));
    } catch (error) {
      if (error instanceof ConflictError) return { kind: 'refused', error };
      throw error;
    }
    for (const n of graph.owned) claimed.set(n.iri, { kind: n.kind, stub: false, owner: revision.iri });
    for (const n of graph.referenced) {
      if (!claimed.has(n.iri) && !stored.has(n.iri)) claimed.set(n.iri, { kind: n.kind, stub: n.stub, owner: null });
    }
    return verdict;
  });
}
