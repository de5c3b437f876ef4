import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Runs writes one at a time in call order. A long write (a 100k-document rebuild takes seconds)
 * gives the event loop back between chunks so searches and health checks keep being served, and
 * the queue keeps a later write from interleaving with it: an older revision can never land
 * after a newer one.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every write queued before it; settles as `task` does. */
  run(task: () => Promise<void>): Promise<void> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Applies `apply` to every item, yielding to the event loop after each `chunkSize` items.
 * A batch no larger than one chunk completes without yielding.
 */
export async function applyInChunks<T>(items: readonly T[], chunkSize: number, apply: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    for (const item of items.slice(start, start + chunkSize)) apply(item);
  }
}
