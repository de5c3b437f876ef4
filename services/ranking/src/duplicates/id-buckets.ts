/**
 * Small-integer ids filed under integer keys: the duplicate index's lineage and concept blocks. Most keys
 * hold a single id, kept bare: a Set for each would be most of the duplicate index's memory at
 * 100,000 products. Keys should stay below 2^31 so V8 keeps them unboxed.
 */
export class IdBuckets {
  private readonly map = new Map<number, number | Set<number>>();

  /** Files `id` under `key`. */
  add(key: number, id: number): void {
    const bucket = this.map.get(key);
    if (bucket === undefined) this.map.set(key, id);
    else if (bucket instanceof Set) bucket.add(id);
    else if (bucket !== id) this.map.set(key, new Set([bucket, id]));
  }

  /** Takes `id` out from under `key`; a no-op when it is not there. */
  delete(key: number, id: number): void {
    const bucket = this.map.get(key);
    if (bucket === id) this.map.delete(key);
    else if (bucket instanceof Set && bucket.delete(id) && bucket.size === 1) this.map.set(key, bucket.values().next().value as number);
  }

  /** The ids under `key` when there are several; a key with one id shares it with nobody. Not a copy: do not change it. */
  shared(key: number): ReadonlySet<number> | undefined {
    const bucket = this.map.get(key);
    return bucket instanceof Set ? bucket : undefined;
  }
}
