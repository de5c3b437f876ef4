/** The ids of a document with no strings of a kind; never written to. */
const NONE = new Int32Array(0);

/**
 * Strings interned as small integers, with the number of documents holding each: pair scoring
 * merges sorted integer arrays instead of hashing strings, and IDF is always current because the
 * counts move with every document added or removed. An id whose count drops to 0 is reused.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly strings: (string | undefined)[] = [];
  private readonly counts: number[] = [];
  private readonly free: number[] = [];

  /** The ids of a document's distinct strings, sorted, each counted once more. */
  add(strings: Iterable<string>): Int32Array {
    const out: number[] = [];
    for (const s of new Set(strings)) out.push(this.addOne(s));
    // Many documents have no concepts or upstreams: they share one empty array rather than each holding its own.
    return out.length === 0 ? NONE : Int32Array.from(out).sort();
  }

  /** The id of one string, counted once more (a document's single string: no set, no array). */
  addOne(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.free.pop() ?? this.strings.length;
      this.ids.set(s, id);
      this.strings[id] = s;
      this.counts[id] = 0;
    }
    this.counts[id] = (this.counts[id] as number) + 1;
    return id;
  }

  /** Undoes {@link add} for the ids it returned. */
  remove(ids: Int32Array): void {
    for (const id of ids) {
      const n = (this.counts[id] ?? 0) - 1;
      this.counts[id] = n;
      if (n > 0) continue;
      this.ids.delete(this.strings[id] as string);
      this.strings[id] = undefined;
      this.free.push(id);
    }
  }

  /** The id of a string some document holds, or -1. */
  idOf(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  /** The string of a live id. */
  string(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new RangeError(`no string with id ${id}`);
    return s;
  }

  /** How many documents hold the string with this id. */
  count(id: number): number {
    return this.counts[id] ?? 0;
  }
}
