/**
 * Sharing what many products hold alike. The feedback projection keeps a score and the signals
 * of every product in memory; most products of a large catalog have the same factors and reasons
 * (no use yet, no ratings, no checks) and an owner team among a few dozen. One object per distinct
 * value instead of one per product saved tens of megabytes at 100,000 products.
 */

/** One value per key, up to a bound, so a catalog of unusual values cannot grow the pool without limit. */
export class SharedValues<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly bound = 50_000) {}

  /** The value shared under `key`, or `value` (shared from now on while the pool has room). */
  share(key: string, value: T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.values.size < this.bound) this.values.set(key, value);
    return value;
  }
}

const strings = new SharedValues<string>();

/** One string object per distinct text (team IRIs, guarantee names, factor reasons). */
export const sharedString = (s: string): string => strings.share(s, s);

/** The empty list every product with nothing of a kind holds. Frozen: never written to. */
export const NONE: readonly never[] = Object.freeze([]);

/** `xs`, or the shared empty list when it is empty. */
export const listOrNone = <T>(xs: readonly T[]): readonly T[] => (xs.length === 0 ? NONE : xs);
