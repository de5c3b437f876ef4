import { describe, expect, it } from 'vitest';
import { PostingLists, postingDoc, postingFields } from './posting-lists.js';

const read = (lists: PostingLists, termId: number): [number, number][] =>
  Array.from(lists.entries(termId).subarray(0, lists.length(termId)), (e) => [postingDoc(e), postingFields(e)]);

describe('PostingLists', () => {
  it('packs a document id and a field mask per posting, and grows', () => {
    const lists = new PostingLists();
    for (let doc = 0; doc < 100; doc++) lists.append(3, doc * 1000, doc % 256);
    expect(lists.length(3)).toBe(100);
    expect(read(lists, 3)[99]).toEqual([99_000, 99]);
    expect(lists.length(7)).toBe(0);
    expect(lists.totalPostings()).toBe(100);
  });

  it('drops and renumbers postings on compaction, keeping them sorted', () => {
    const lists = new PostingLists();
    [0, 2, 3, 5].forEach((doc) => lists.append(0, doc, 1));
    lists.append(1, 2, 4);
    lists.compact(Int32Array.from([0, -1, -1, 1, -1, 2]));
    expect(read(lists, 0)).toEqual([[0, 1], [1, 1], [2, 1]]);
    expect(read(lists, 1)).toEqual([]);
  });
});
