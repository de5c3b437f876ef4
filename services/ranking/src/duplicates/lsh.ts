/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands of
 * `rows` values, and two sets become candidates when any band is equal. The chance of that is
 * `1 − (1 − s^rows)^bands` at Jaccard s, an S-curve that crosses ½ near `(1/bands)^(1/rows)`:
 * ≈ 0.42 for 32 × 4. Candidates are only candidates: score them exactly.
 *
 * Ids are small non-negative integers (the duplicate index's slots), and everything lives in
 * typed arrays: per band, an open-addressing table from bucket key to the bucket's first id, and
 * per id and band its key and the next id in its bucket. With a Map per band this index was the
 * largest part of the server's memory at 100,000 products (about 1.5 KB per product; now 0.5 KB).
 */
export class LshIndex {
  /** `id × bands + band` → the id's bucket key in that band. */
  private keys = new Uint32Array(0);
  /** `id × bands + band` → the next id in the same bucket, plus one; 0 ends the bucket. */
  private next = new Int32Array(0);
  /** id → 1 while it is indexed. */
  private indexed = new Uint8Array(0);
  private count = 0;
  /** band → open-addressing table (linear probing) of each bucket's first id, plus one; 0 is empty. */
  private readonly heads: Int32Array[];
  /** band → how many buckets its table holds. */
  private readonly used: Int32Array;

  constructor(
    readonly bands = 32,
    readonly rows = 4,
  ) {
    this.heads = Array.from({ length: bands }, () => new Int32Array(16));
    this.used = new Int32Array(bands);
  }

  /** How many sets are indexed. */
  get size(): number {
    return this.count;
  }

  /** Indexes (or re-indexes) `id` under its signature, which needs at least bands × rows values. */
  insert(id: number, sig: Uint32Array): void {
    if (sig.length < this.bands * this.rows) throw new RangeError(`a signature of ${sig.length} values cannot fill ${this.bands} bands of ${this.rows} rows`);
    if (!Number.isInteger(id) || id < 0) throw new RangeError(`an LSH id is a non-negative integer, not ${id}`);
    this.remove(id);
    this.reserve(id);
    const keys = this.bandKeys(sig);
    this.keys.set(keys, id * this.bands);
    for (let band = 0; band < this.bands; band++) {
      if ((this.used[band] as number) * 2 >= (this.heads[band] as Int32Array).length) this.grow(band);
      const table = this.heads[band] as Int32Array;
      const at = this.find(band, keys[band] as number);
      if (table[at] === 0) this.used[band] = (this.used[band] as number) + 1;
      // Pushed at the front of its bucket.
      this.next[id * this.bands + band] = table[at] as number;
      table[at] = id + 1;
    }
    this.indexed[id] = 1;
    this.count++;
  }

  /** Forgets `id`; a no-op for an unknown id. */
  remove(id: number): void {
    if (this.indexed[id] !== 1) return;
    this.indexed[id] = 0;
    this.count--;
    for (let band = 0; band < this.bands; band++) {
      const table = this.heads[band] as Int32Array;
      const at = this.find(band, this.keys[id * this.bands + band] as number);
      const after = this.next[id * this.bands + band] as number;
      if (table[at] === id + 1) {
        if (after === 0) this.vacate(band, at);
        else table[at] = after;
        continue;
      }
      let prev = (table[at] as number) - 1;
      while (this.next[prev * this.bands + band] !== id + 1) prev = (this.next[prev * this.bands + band] as number) - 1;
      this.next[prev * this.bands + band] = after;
    }
  }

  /**
   * The ids sharing at least one band with `sig`. Buckets holding more than `maxBucket` ids are
   * passed over: a schema that hundreds of sets share exactly is a convention, not a duplicate.
   */
  candidates(sig: Uint32Array, maxBucket = Infinity): Set<number> {
    const out = new Set<number>();
    const keys = this.bandKeys(sig);
    for (let band = 0; band < this.bands; band++) this.visitBucket(band, this.heads[band]?.[this.find(band, keys[band] as number)] ?? 0, maxBucket, (id) => out.add(id));
    return out;
  }

  /**
   * Calls `visit` with every id sharing a bucket with the indexed `id` (itself included, once per
   * band), skipping buckets of more than `maxBucket` ids and buckets it has to itself.
   */
  sharing(id: number, maxBucket: number, visit: (other: number) => void): void {
    if (this.indexed[id] !== 1) return;
    for (let band = 0; band < this.bands; band++) {
      const first = this.heads[band]?.[this.find(band, this.keys[id * this.bands + band] as number)] ?? 0;
      if (first === id + 1 && this.next[id * this.bands + band] === 0) continue;
      this.visitBucket(band, first, maxBucket, visit);
    }
  }

  /** Visits the ids of the bucket starting at `first` (an id plus one) unless it holds more than `maxBucket`. */
  private visitBucket(band: number, first: number, maxBucket: number, visit: (id: number) => void): void {
    let size = 0;
    for (let h = first; h !== 0 && size <= maxBucket; h = this.next[(h - 1) * this.bands + band] as number) size++;
    if (size > maxBucket) return;
    for (let h = first; h !== 0; h = this.next[(h - 1) * this.bands + band] as number) visit(h - 1);
  }

  /** Where `key`'s bucket sits in the band's table, or the empty place it would take. */
  private find(band: number, key: number): number {
    const table = this.heads[band] as Int32Array;
    const mask = table.length - 1;
    // Keys are already hashes: their low bits spread well.
    for (let at = key & mask; ; at = (at + 1) & mask) {
      const first = table[at] as number;
      if (first === 0 || this.keys[(first - 1) * this.bands + band] === key) return at;
    }
  }

  /** Empties a place in a band's table, shifting back the entries the gap would hide from `find`. */
  private vacate(band: number, at: number): void {
    const table = this.heads[band] as Int32Array;
    const mask = table.length - 1;
    table[at] = 0;
    this.used[band] = (this.used[band] as number) - 1;
    let gap = at;
    for (let j = (at + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const home = (this.keys[((table[j] as number) - 1) * this.bands + band] as number) & mask;
      // The entry at j may fill the gap if the gap lies on its probe path from home to j.
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        table[gap] = table[j] as number;
        table[j] = 0;
        gap = j;
      }
    }
  }

  /** Doubles a band's table; the buckets themselves (the `next` chains) do not move. */
  private grow(band: number): void {
    const old = this.heads[band] as Int32Array;
    const table = new Int32Array(old.length * 2);
    const mask = table.length - 1;
    this.heads[band] = table;
    for (const first of old) {
      if (first === 0) continue;
      let at = (this.keys[(first - 1) * this.bands + band] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = first;
    }
  }

  /** Makes room for ids up to `id` in the per-id arrays, doubling them. */
  private reserve(id: number): void {
    if (id < this.indexed.length) return;
    const ids = Math.max(id + 1, this.indexed.length * 2, 64);
    const keys = new Uint32Array(ids * this.bands);
    keys.set(this.keys);
    const next = new Int32Array(ids * this.bands);
    next.set(this.next);
    const indexed = new Uint8Array(ids);
    indexed.set(this.indexed);
    [this.keys, this.next, this.indexed] = [keys, next, indexed];
  }

  /**
   * One key per band: the band's rows mixed murmur3-style (a collision only adds a candidate),
   * kept to 31 bits.
   */
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
      keys[band] = h >>> 1;
    }
    return keys;
  }
}
