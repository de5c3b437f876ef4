/**
 * A FIFO queue that holds at most `capacity` items and drops the oldest to take a new one: while
 * Quanta is down the product keeps running, and its memory must not grow with the outage.
 */
export class BoundedQueue<T> {
  readonly #items: T[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  }

  /** How many items are held. */
  get size(): number {
    return this.#items.length;
  }

  /**
   * Appends items, dropping the oldest beyond the capacity.
   * @returns how many items were dropped to make room
   */
  push(...items: readonly T[]): number {
    this.#items.push(...items);
    const excess = Math.max(0, this.#items.length - this.capacity);
    if (excess > 0) this.#items.splice(0, excess);
    return excess;
  }

  /** The oldest `n` items, left in the queue: they leave only once Quanta took them. */
  peek(n: number): readonly T[] {
    return this.#items.slice(0, n);
  }

  /**
   * Removes `items` from the front, where {@link peek} found them. Items dropped to make room in
   * the meantime are not there any more, so only those still at the front are removed.
   */
  remove(items: readonly T[]): void {
    let n = 0;
    while (n < items.length && this.#items[n] === items[n]) n += 1;
    if (n === items.length) {
      this.#items.splice(0, n);
      return;
    }
    const sent = new Set(items);
    const kept = this.#items.filter((item) => !sent.has(item));
    this.#items.splice(0, this.#items.length, ...kept);
  }

  /** Empties the queue. @returns how many items it held */
  clear(): number {
    return this.#items.splice(0).length;
  }
}
