/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands of
 * `rows` values, and two sets become candidates when any band is equal. The chance of that is
 * `1 − (1 − s^rows)^bands` at Jaccard s, an S-curve that crosses ½ near `(1/bands)^(1/rows)`:
 * ≈ 0.42 for 32 × 4. Candidates are only candidates: score them exactly. Ids are strings, or any
 * other key but a Set (the duplicate index uses small integers).
 */
export class LshIndex<K = string> {
  /**
   * band → bucket key → the ids in that bucket. Most buckets hold one id, kept bare: a Set for each
   * would be most of the index's memory.
   */
  private readonly tables: Map<number, K | Set<K>>[];
  /** id → its bucket key in each band, to remove it without its signature. */
  private readonly keys = new Map<K, Uint32Array>();

  constructor(
    readonly bands = 32,
    readonly rows = 4,
  ) {
    this.tables = Array.from({ length: bands }, () => new Map<number, K | Set<K>>());
  }

  /** How many sets are indexed. */
  get size(): number {
    return this.keys.size;
  }

  /** Indexes (or re-indexes) `id` under its signature, which needs at least bands × rows values. */
  insert(id: K, sig: Uint32Array): void {
    if (sig.length < this.bands * this.rows) throw new RangeError(`a signature of ${sig.length} values cannot fill ${this.bands} bands of ${this.rows} rows`);
    this.remove(id);
    const keys = this.bandKeys(sig);
    this.keys.set(id, keys);
    keys.forEach((key, band) => {
      const table = this.tables[band] as Map<number, K | Set<K>>;
      const bucket = table.get(key);
      if (bucket instanceof Set) bucket.add(id);
      else if (table.has(key)) table.set(key, new Set<K>([bucket as K, id]));
      else table.set(key, id);
    });
  }

  /** Forgets `id`; a no-op for an unknown id. */
  remove(id: K): void {
    const keys = this.keys.get(id);
    if (!keys) return;
    this.keys.delete(id);
    keys.forEach((key, band) => {
      const table = this.tables[band] as Map<number, K | Set<K>>;
      const bucket = table.get(key);
      if (!(bucket instanceof Set)) table.delete(key);
      else {
        bucket.delete(id);
        if (bucket.size === 1) table.set(key, bucket.values().next().value as K);
      }
    });
  }

  /**
   * The ids sharing at least one band with `sig`. Buckets holding more than `maxBucket` ids are
   * passed over: a schema that hundreds of sets share exactly is a convention, not a duplicate.
   */
  candidates(sig: Uint32Array, maxBucket = Infinity): Set<K> {
    const out = new Set<K>();
    this.bandKeys(sig).forEach((key, band) => {
      const table = this.tables[band] as Map<number, K | Set<K>>;
      const bucket = table.get(key);
      if (!(bucket instanceof Set)) {
        if (table.has(key)) out.add(bucket as K);
      } else if (bucket.size <= maxBucket) for (const id of bucket) out.add(id);
    });
    return out;
  }

  /**
   * The buckets an indexed id shares with other ids (itself included); none for an unknown id.
   * Not copies: do not change them.
   */
  bucketsOf(id: K): ReadonlySet<K>[] {
    const out: ReadonlySet<K>[] = [];
    this.keys.get(id)?.forEach((key, band) => {
      const bucket = this.tables[band]?.get(key);
      if (bucket instanceof Set) out.push(bucket);
    });
    return out;
  }

  /** One 32-bit key per band: the band's rows mixed murmur3-style (a collision only adds a candidate). */
  private bandKeys(sig: Uint32Array): Uint32Array {
    const keys = new Uint32Array(this.bands);
    for (let band = 0; band < this.bands; band++) {
      let h = band;
      for (let r = band * this.rows; r < (band + 1) * this.rows; r++) {
        h ^= Math.imul(sig[r] as number, 0xcc9e2d51);
        h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
      }
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      keys[band] = h;
    }
    return keys;
  }
}
