/** Bits of a posting that hold the field mask; the rest hold the document id. */
export const FIELD_BITS = 8;

/** Document ids must stay below this to fit a posting; compaction resets them. */
export const MAX_DOC_ID = 2 ** (32 - FIELD_BITS) - 1;

const FIELD_MASK = (1 << FIELD_BITS) - 1;
const INITIAL_CAPACITY = 2;

/** Packs a document id and the mask of fields the term occurs in into one 32-bit posting. */
export const posting = (docId: number, fields: number): number => ((docId << FIELD_BITS) | fields) >>> 0;
/** The document id of a posting. */
export const postingDoc = (entry: number): number => entry >>> FIELD_BITS;
/** The field mask of a posting. */
export const postingFields = (entry: number): number => entry & FIELD_MASK;

/** A posting list as a matcher reads it: the first `length` postings of `entries`, sorted by document id. */
export interface PostingSlice {
  readonly entries: Uint32Array;
  readonly length: number;
}

/**
 * One growable posting list per term. A posting is a single uint32 (doc id and field mask), so a
 * 100k-product catalog's ~6M postings take ~24 MB. Lists are append-only: a document always gets
 * a fresh, larger id, which keeps every list sorted by id; replaced and removed documents leave
 * stale postings that searches skip until {@link PostingLists.compact} drops them.
 */
export class PostingLists {
  private lists: Uint32Array[] = [];
  private lengths: number[] = [];

  /** Adds a posting to the term's list, creating the list on first use. */
  append(termId: number, docId: number, fields: number): void {
    let list = this.lists[termId];
    const length = this.lengths[termId] ?? 0;
    if (list === undefined || length === list.length) list = this.grow(termId, list, length);
    list[length] = posting(docId, fields);
    this.lengths[termId] = length + 1;
  }

  /** The term's postings (the array may be longer: read only the first {@link length}). */
  entries(termId: number): Uint32Array {
    return this.lists[termId] ?? EMPTY;
  }

  /** Number of postings of the term, stale ones included: an estimate of its document frequency. */
  length(termId: number): number {
    return this.lengths[termId] ?? 0;
  }

  /** Total number of postings held, for memory reports. */
  totalPostings(): number {
    return this.lengths.reduce((sum, n) => sum + n, 0);
  }

  /**
   * Rewrites every list through `remap` (old id to new id, or -1 for a dropped document). New ids
   * must preserve the order of old ones so lists stay sorted.
   */
  compact(remap: Int32Array): void {
    this.lists.forEach((list, termId) => {
      const length = this.lengths[termId] ?? 0;
      let kept = 0;
      for (let i = 0; i < length; i++) {
        const entry = list[i] ?? 0;
        const id = remap[postingDoc(entry)] ?? -1;
        if (id >= 0) list[kept++] = posting(id, postingFields(entry));
      }
      this.lengths[termId] = kept;
      if (list.length > 4 * Math.max(kept, INITIAL_CAPACITY)) this.lists[termId] = list.slice(0, Math.max(kept, INITIAL_CAPACITY));
    });
  }

  private grow(termId: number, list: Uint32Array | undefined, length: number): Uint32Array {
    const next = new Uint32Array(list === undefined ? INITIAL_CAPACITY : Math.max(INITIAL_CAPACITY, length * 2));
    if (list !== undefined) next.set(list.subarray(0, length));
    this.lists[termId] = next;
    return next;
  }
}

const EMPTY = new Uint32Array(0);
