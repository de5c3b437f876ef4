/** One item's fate in a group: its value, or the error that refused it alone. */
export type ItemOutcome<O> = { readonly ok: true; readonly value: O } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: saves requested in the same turn of the event loop are committed together, in one
 * transaction with one fsync, and each caller hears back only after that commit. With
 * `synchronous=FULL` the fsync is most of a small write and it blocks the event loop, so a server
 * with many writers in flight spends it once per group instead of once per request. Each item runs
 * in its own savepoint (see `commit`), so one refused item never takes the others down.
 */
export class GroupCommit<I, O> {
  private pending: { input: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];

  /** @param commit runs the whole group in one transaction and reports each item's outcome, in order */
  constructor(private readonly commit: (inputs: readonly I[]) => readonly ItemOutcome<O>[]) {}

  /** Queues `input` for the next group; resolves once the group's transaction has committed. */
  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      // setImmediate runs after the I/O callbacks of this turn: requests that arrived together meet here.
      if (this.pending.length === 1) setTimeout(() => this.flush(), 1);
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
