import { type PostingSlice, posting, postingDoc, postingFields } from '../store/posting-lists.js';

/**
 * The postings of the documents present in every one of `lists` (id-sorted posting lists), with
 * the fields the words share, or all their fields when they share none. This is how a document
 * "holds" a phrase here: the index keeps no word positions, so every word of it anywhere does.
 * Rare words go first, so each step works on the smallest set so far.
 */
export function intersectPostings(lists: readonly PostingSlice[]): PostingSlice {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? EMPTY;
  for (const next of sorted.slice(1)) {
    if (result.length === 0) break;
    result = intersectTwo(result, next);
  }
  return result;
}

const EMPTY: PostingSlice = { entries: new Uint32Array(0), length: 0 };

/** `small` must be the shorter; each of its postings is looked up in `large` from where the last one was found. */
function intersectTwo(small: PostingSlice, large: PostingSlice): PostingSlice {
  const out = new Uint32Array(small.length);
  let n = 0;
  let from = 0;
  for (let i = 0; i < small.length && from < large.length; i++) {
    const entry = small.entries[i] ?? 0;
    const doc = postingDoc(entry);
    from = lowerBound(large, doc, from);
    const other = large.entries[from] ?? 0;
    if (from < large.length && postingDoc(other) === doc) {
      const shared = postingFields(entry) & postingFields(other);
      out[n++] = posting(doc, shared !== 0 ? shared : postingFields(entry) | postingFields(other));
    }
  }
  return { entries: out, length: n };
}

/** The first position at or after `from` whose document is not below `doc` (galloping, then binary search). */
function lowerBound(list: PostingSlice, doc: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && postingDoc(list.entries[hi] ?? 0) < doc) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (postingDoc(list.entries[mid] ?? 0) < doc) from = mid + 1;
    else hi = mid;
  }
  return from;
}
