import type { FacetColumn } from './facet-column.js';
import { ensureCapacity } from '../typed-arrays.js';
import { ValueDictionary } from './value-dictionary.js';

/**
 * A facet with any number of values per document (tags, port kinds), stored compressed-row style:
 * each document's value ids sit contiguously in one shared pool, found by start and count.
 * Documents only ever append (a replaced document gets a new id), so the pool only grows until
 * {@link MultiValueColumn.compact} squeezes out the dropped documents.
 */
export class MultiValueColumn implements FacetColumn {
  readonly dictionary = new ValueDictionary();
  private starts = new Uint32Array(1024);
  private counts = new Uint16Array(1024);
  private pool = new Uint32Array(4096);
  private poolLength = 0;

  set(docId: number, values: readonly string[]): void {
    const unique = [...new Set(values)].slice(0, 0xffff);
    this.starts = ensureCapacity(this.starts, docId + 1);
    this.counts = ensureCapacity(this.counts, docId + 1);
    this.pool = ensureCapacity(this.pool, this.poolLength + unique.length);
    this.starts[docId] = this.poolLength;
    this.counts[docId] = unique.length;
    for (const value of unique) this.pool[this.poolLength++] = this.dictionary.intern(value);
  }

  countInto(docs: Uint32Array, n: number, counts: Uint32Array): void {
    const { starts, pool } = this;
    for (let i = 0; i < n; i++) {
      const doc = docs[i] ?? 0;
      const start = starts[doc] ?? 0;
      const end = start + (this.counts[doc] ?? 0);
      for (let p = start; p < end; p++) {
        const id = pool[p] ?? 0;
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
  }

  addTo(docId: number, counts: Uint32Array, delta: number): void {
    const start = this.starts[docId] ?? 0;
    const end = start + (this.counts[docId] ?? 0);
    for (let p = start; p < end; p++) {
      const id = this.pool[p] ?? 0;
      counts[id] = (counts[id] ?? 0) + delta;
    }
  }

  anyIn(docId: number, allowed: Uint8Array): boolean {
    const start = this.starts[docId] ?? 0;
    const end = start + (this.counts[docId] ?? 0);
    for (let p = start; p < end; p++) if (allowed[this.pool[p] ?? 0] === 1) return true;
    return false;
  }

  compact(remap: Int32Array): void {
    let length = 0;
    for (let old = 0; old < remap.length; old++) {
      const id = remap[old] ?? -1;
      if (id < 0) continue;
      const start = this.starts[old] ?? 0;
      const count = this.counts[old] ?? 0;
      // New ids and pool offsets never exceed old ones, so moving left in place is safe.
      this.pool.copyWithin(length, start, start + count);
      this.starts[id] = length;
      this.counts[id] = count;
      length += count;
    }
    this.poolLength = length;
  }
}
