import type { Iri } from '@quanta/model';

/**
 * Keeps a projection's full rebuild from undoing the updates made while it ran. A rebuild reads
 * the graph first and swaps its result in at the end; a product refreshed in between (a signal,
 * a registration) would be swapped back to what the rebuild read before the change, and stay so
 * until the next rebuild. The guard remembers those products and refreshes them again once no
 * rebuild is running.
 */
export class RebuildGuard {
  private running = 0;
  private readonly touched = new Set<Iri>();

  /** Products refreshed since the running rebuild(s) started: their current entries are newer than what it read. */
  get refreshedMeanwhile(): ReadonlySet<Iri> {
    return this.touched;
  }

  /** Notes a product refreshed now; it is refreshed again after a rebuild in flight. */
  note(iri: Iri): void {
    if (this.running > 0) this.touched.add(iri);
  }

  /** Runs `rebuild`; then, when no other rebuild runs, `redo` for every product noted meanwhile. */
  async run(rebuild: () => Promise<void>, redo: (iri: Iri) => Promise<void>): Promise<void> {
    this.running += 1;
    try {
      await rebuild();
    } finally {
      this.running -= 1;
    }
    if (this.running > 0) return;
    const again = [...this.touched];
    this.touched.clear();
    for (const iri of again) await redo(iri);
  }
}
