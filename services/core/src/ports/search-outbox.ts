import type { Iri } from '@quanta/model';

/** A product and one of its revisions: what an outbox entry names and what a projection completed. */
export interface ProductHead {
  readonly iri: Iri;
  readonly revision: number;
}

/** A product whose search document is behind the graph: the revision to project, and since when it waits. */
export interface OutboxEntry extends ProductHead {
  /** When the oldest change not yet projected was committed (ISO 8601): the entry's age is the index lag. */
  readonly enqueuedAt: string;
}

/** How far the search index is behind the graph. */
export interface OutboxStatus {
  /** Products waiting for their search document. */
  readonly pending: number;
  /** When the oldest of them was committed; absent when none waits. */
  readonly oldestEnqueuedAt?: string;
}

/**
 * The search outbox (ADR 0014): the graph's own list of products whose search document must be
 * (re)written. `saveProduct` and `saveProducts` add an entry for every product they create or
 * update, in the same transaction as the revision, so a registration never depends on the search
 * engine and a committed change is never forgotten by it, whatever crashes. One entry per product:
 * a later change moves the entry's revision up and keeps its `enqueuedAt`, so many changes
 * while the engine is down cost one projection. The projector drains it; entries are durable.
 */
export interface SearchOutbox {
  /** Entries oldest first (by `enqueuedAt`, then IRI), at most `limit`. */
  pendingProjections(limit: number): Promise<readonly OutboxEntry[]>;
  /**
   * Adds entries outside a save (the reconciler's repairs). An existing entry keeps its
   * `enqueuedAt` and takes the higher revision.
   */
  enqueueProjections(heads: readonly ProductHead[], at: string): Promise<void>;
  /**
   * Removes each entry whose revision is at most the one projected; an entry a newer change moved
   * up stays pending. Unknown IRIs are ignored.
   * @returns how many entries were removed
   */
  completeProjections(projected: readonly ProductHead[]): Promise<number>;
  /** How many entries wait, and the oldest one's `enqueuedAt`. */
  outboxStatus(): Promise<OutboxStatus>;
}
