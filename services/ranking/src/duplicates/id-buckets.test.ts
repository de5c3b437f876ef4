import { describe, expect, it } from 'vitest';
import { IdBuckets } from './id-buckets.js';

describe('IdBuckets', () => {
  it('shares a key only once it holds two ids, and lets go of the set when one is left', () => {
    const b = new IdBuckets();
    b.add(7, 1);
    b.add(7, 1);
    expect(b.shared(7)).toBeUndefined();
    b.add(7, 2);
    b.add(7, 3);
    expect(b.shared(7)).toEqual(new Set([1, 2, 3]));
    b.delete(7, 2);
    b.delete(7, 9);
    expect(b.shared(7)).toEqual(new Set([1, 3]));
    b.delete(7, 3);
    expect(b.shared(7)).toBeUndefined();
    // The one id left is still filed: a second id shares the key with it again.
    b.add(7, 4);
    expect(b.shared(7)).toEqual(new Set([1, 4]));
  });

  it('forgets a key whose last id leaves, and ignores ids it never held', () => {
    const b = new IdBuckets();
    b.add(1, 5);
    b.delete(1, 6);
    b.delete(1, 5);
    b.add(1, 6);
    b.add(1, 7);
    expect(b.shared(1)).toEqual(new Set([6, 7]));
    expect(b.shared(2)).toBeUndefined();
  });
});
