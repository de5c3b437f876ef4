/**
 * The distinct values of one facet, each with a small integer id, so documents store ids in typed
 * arrays and counting is array indexing. Values are never forgotten; a value no live document
 * carries counts 0 and is left out of facet results.
 */
export class ValueDictionary {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** Number of distinct values seen. */
  get size(): number {
    return this.values.length;
  }

  /** The id of `value`, or -1 when no document ever carried it. */
  idOf(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  /** The id of `value`, adding it when new. */
  intern(value: string): number {
    const known = this.ids.get(value);
    if (known !== undefined) return known;
    this.values.push(value);
    this.ids.set(value, this.values.length - 1);
    return this.values.length - 1;
  }

  /** The value with id `id`. */
  valueOf(id: number): string {
    return this.values[id] ?? '';
  }
}
