import { assertOwnable, type ExistingNode, type SaveProductInput, type Verdict } from '@quanta/core';
import { ConflictError } from '@quanta/model';

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
