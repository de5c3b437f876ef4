import type { GraphNode } from '@quanta/core';

/** The most IRIs one batched read asks for; a product lineage answer holds at most 1,000 nodes. */
const MAX_BATCH = 1000;

interface Waiter {
  resolve(node: GraphNode | undefined): void;
  reject(error: unknown): void;
}

/**
 * Coalesces the `getNode` calls made in one turn of the event loop into one read per 1,000 IRIs.
 * Core's product lineage asks for every product a hop reaches with a `getNode` of its own, all at
 * once (`Promise.all`); on a server each would be a round trip and a transaction. The port has no
 * batch read, so the batching happens here, unseen by callers: each still gets its own answer (or
 * the batch's error), and a read never starts before the call that asked for it, so a caller
 * still reads its own acknowledged writes.
 */
export class NodeLoader {
  private pending = new Map<string, Waiter[]>();

  /** @param readNodes reads the nodes that exist among the IRIs, in one transaction */
  constructor(private readonly readNodes: (iris: readonly string[]) => Promise<ReadonlyMap<string, GraphNode>>) {}

  /** The node, or undefined when none has this IRI; read with every other IRI asked for in this turn. */
  load(iri: string): Promise<GraphNode | undefined> {
    return new Promise((resolve, reject) => {
      // A microtask runs once the caller's synchronous loop has asked for all its nodes.
      if (this.pending.size === 0) queueMicrotask(() => this.flush());
      const waiters = this.pending.get(iri);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(iri, [{ resolve, reject }]);
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    const iris = [...batch.keys()];
    for (let at = 0; at < iris.length; at += MAX_BATCH) {
      const chunk = iris.slice(at, at + MAX_BATCH);
      const waiters = (iri: string) => batch.get(iri) ?? [];
      void this.readNodes(chunk).then(
        (nodes) => chunk.forEach((iri) => waiters(iri).forEach((w) => w.resolve(nodes.get(iri)))),
        (error: unknown) => chunk.forEach((iri) => waiters(iri).forEach((w) => w.reject(error))),
      );
    }
  }
}
