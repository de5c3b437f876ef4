/**
 * How long the first save of a group waits for company. A registration spends a few ms on the
 * event loop before it saves (parsing, the semantic checks), so saves of concurrent requests reach
 * the graph a little apart: flushing on setImmediate grouped almost none of them (247
 * registrations/s on the benchmark), a 1 ms window groups them (289/s). A lone writer pays 1 ms.
 */
export const WINDOW_MS = 1;

/** One item's fate in a group: its value, or the error that refused it alone. */
export type ItemOutcome<O> = { readonly ok: true; readonly value: O } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: saves requested within {@link WINDOW_MS} of the first one are committed together,
 * in one transaction with one fsync, and each caller hears back only after that commit. With
 * `synchronous=FULL` the fsync blocks the event loop, so a server with many writers in flight
 * spends it once per group instead of once per request. Each item runs in its own savepoint (see
 * `commit`), so one refused item never takes the others down.
 */
export class GroupCommit<I, O> {
  private pending: { input: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];

  /** @param commit runs the whole group in one transaction and reports each item's outcome, in order */
  constructor(private readonly commit: (inputs: readonly I[]) => readonly ItemOutcome<O>[]) {}

  /** Queues `input` for the next group; resolves once the group's transaction has committed. */
  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length === 1) setTimeout(() => this.flush(), WINDOW_MS);
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    let outcomes: readonly ItemOutcome<O>[];
    try {
      outcomes = this.commit(group.map((g) => g.input));
    } catch (error) {
      for (const g of group) g.reject(error); // the commit itself failed: nothing of the group is stored
      return;
    }
    group.forEach((g, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) g.resolve(outcome.value);
      else g.reject(outcome ? outcome.error : new Error('group commit lost an item'));
    });
  }
}
