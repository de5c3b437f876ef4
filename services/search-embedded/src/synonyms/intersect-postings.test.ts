import { describe, expect, it } from 'vitest';
import { createRandom } from '../bench/random.js';
import { type PostingSlice, posting, postingDoc, postingFields } from '../store/posting-lists.js';
import { intersectPostings } from './intersect-postings.js';

const slice = (pairs: readonly [number, number][]): PostingSlice => {
  const entries = new Uint32Array(pairs.length + 3); // longer than `length`, as posting lists are
  pairs.forEach(([doc, fields], i) => (entries[i] = posting(doc, fields)));
  return { entries, length: pairs.length };
};
const read = ({ entries, length }: PostingSlice) => Array.from(entries.subarray(0, length), (e) => [postingDoc(e), postingFields(e)]);

describe('intersectPostings', () => {
  it('keeps the documents in every list, with the fields the words share or else all of theirs', () => {
    const a = slice([[1, 0b01], [4, 0b11], [9, 0b10], [12, 0b01]]);
    const b = slice([[4, 0b10], [9, 0b100], [12, 0b01], [30, 0b01]]);
    const c = slice([[0, 1], [4, 0b10], [9, 0b1000], [12, 0b01], [13, 1]]);
    expect(read(intersectPostings([a, b, c]))).toEqual([[4, 0b10], [9, 0b1110], [12, 0b01]]);
    expect(read(intersectPostings([a, slice([])]))).toEqual([]);
  });

  it('agrees with a set intersection on lists of very different lengths', () => {
    const random = createRandom(7);
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: 2 + random.int(2) }, () => {
        const density = random.next() < 0.5 ? 0.02 : 0.6;
        const docs = Array.from({ length: 2000 }, (_, doc) => doc).filter(() => random.next() < density);
        return slice(docs.map((doc) => [doc, 1]));
      });
      const sets = lists.map((l) => new Set(read(l).map(([doc]) => doc)));
      const expected = read(lists[0] as PostingSlice).filter(([doc]) => sets.every((set) => set.has(doc)));
      expect(read(intersectPostings(lists))).toEqual(expected);
    }
  });
});
