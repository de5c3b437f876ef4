import type { FacetColumn } from './facet-column.js';
import { ensureCapacity } from '../typed-arrays.js';
import { ValueDictionary } from './value-dictionary.js';

/** A facet with exactly one value per document (domain, owner, status): one value id per document. */
export class SingleValueColumn implements FacetColumn {
  readonly dictionary = new ValueDictionary();
  private ids = new Uint32Array(1024);

  set(docId: number, values: readonly string[]): void {
    this.ids = ensureCapacity(this.ids, docId + 1);
    this.ids[docId] = this.dictionary.intern(values[0] ?? '');
  }

  countInto(docs: Uint32Array, n: number, counts: Uint32Array): void {
    const ids = this.ids;
    for (let i = 0; i < n; i++) {
      const id = ids[docs[i] ?? 0] ?? 0;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }

  addTo(docId: number, counts: Uint32Array, delta: number): void {
    const id = this.ids[docId] ?? 0;
    counts[id] = (counts[id] ?? 0) + delta;
  }

  anyIn(docId: number, allowed: Uint8Array): boolean {
    return allowed[this.ids[docId] ?? 0] === 1;
  }

  compact(remap: Int32Array): void {
    for (let old = 0; old < remap.length; old++) {
      const id = remap[old] ?? -1;
      if (id >= 0) this.ids[id] = this.ids[old] ?? 0;
    }
  }
}
