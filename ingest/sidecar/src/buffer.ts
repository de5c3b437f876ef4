/**
 * A FIFO queue that holds at most `capacity` items and drops the oldest to take a new one: while
 * Quanta is down the product keeps running, and its memory must not grow with the outage.
 */
export class BoundedQueue<T> {
  #items: T[] = [];
  /**
   * Where the held items begin: those before it have left. Shifting the array for every batch
   * sent (or every item dropped when full) would cost time in proportion to what is held, which
   * at a million items is quadratic.
   */
  #head = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  }

  /** How many items are held. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /**
   * Appends `items`, dropping the oldest beyond the capacity. Takes an array rather than spread
   * arguments: a spread of some 100,000 items overflows the call stack (RangeError).
   * @returns how many items were dropped to make room
   */
  push(items: readonly T[]): number {
    for (const item of items) this.#items.push(item);
    const excess = Math.max(0, this.size - this.capacity);
    this.#head += excess;
    this.#compact();
    return excess;
  }

  /** The oldest `n` items, left in the queue: they leave only once Quanta took them. */
  peek(n: number): readonly T[] {
    return this.#items.slice(this.#head, this.#head + n);
  }

  /**
   * Removes `items`. Usually they are at the front, where {@link peek} found them; but items may
   * have been dropped to make room in the meantime, or only some of a batch may leave (Quanta
   * refused those), so any held item in `items` is removed, and the rest stay in order.
   */
  remove(items: readonly T[]): void {
    let n = 0;
    while (n < items.length && this.#head + n < this.#items.length && this.#items[this.#head + n] === items[n]) n += 1;
    if (n === items.length) {
      this.#head += n;
      this.#compact();
      return;
    }
    const gone = new Set(items);
    const kept: T[] = [];
    for (let i = this.#head; i < this.#items.length; i += 1) {
      const item = this.#items[i] as T;
      if (!gone.has(item)) kept.push(item);
    }
    this.#items = kept;
    this.#head = 0;
  }

  /** Empties the queue. @returns how many items it held */
  clear(): number {
    const n = this.size;
    this.#items = [];
    this.#head = 0;
    return n;
  }

  /** Lets go of the items that left once they are most of the array: amortised constant time per item. */
  #compact(): void {
    if (this.#head > 1_024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
