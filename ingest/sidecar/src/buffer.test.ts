import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './buffer.js';

describe('BoundedQueue', () => {
  it('keeps the newest items within its capacity and says how many it dropped', () => {
    const q = new BoundedQueue<number>(3);
    expect(q.push([1, 2])).toBe(0);
    expect(q.push([3, 4, 5])).toBe(2);
    expect(q.size).toBe(3);
    expect(q.peek(10)).toEqual([3, 4, 5]);
  });

  it('lets items leave only when removed, and removes only what is still held', () => {
    const q = new BoundedQueue<{ n: number }>(3);
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => ({ n }));
    q.push([a!, b!, c!]);
    const batch = q.peek(2);
    expect(q.size).toBe(3);
    q.push([d!]); // drops a while the batch [a, b] is in flight
    q.remove(batch);
    expect(q.peek(10)).toEqual([c, d]);
    q.remove(q.peek(1));
    expect(q.peek(10)).toEqual([d]);
  });

  it('removes items from within the queue, keeping the rest in order', () => {
    const q = new BoundedQueue<string>(5);
    q.push(['a', 'b', 'c', 'd']);
    q.remove(['b', 'd', 'z']); // z was never held
    expect(q.peek(10)).toEqual(['a', 'c']);
  });

  it('takes far more items than a spread call could, and stays fast when full', () => {
    const q = new BoundedQueue<number>(1_000_000);
    const many = Array.from({ length: 1_200_000 }, (_, i) => i);
    expect(q.push(many)).toBe(200_000); // push(...many) throws RangeError: Maximum call stack size exceeded
    expect(q.peek(1)).toEqual([200_000]);
    for (let i = 0; i < 5_000; i += 1) q.remove(q.peek(200)); // drains a million, 200 at a time
    expect(q.size).toBe(0);
    q.push(many);
    let dropped = 0;
    for (let i = 0; i < 100_000; i += 1) dropped += q.push([-i]); // one at a time into a full queue
    expect(dropped).toBe(100_000);
    expect(q.size).toBe(1_000_000);
  });

  it('empties on clear, and refuses a capacity that is not a positive integer', () => {
    const q = new BoundedQueue<string>(2);
    q.push(['x', 'y']);
    expect(q.clear()).toBe(2);
    expect(q.size).toBe(0);
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    expect(() => new BoundedQueue(1.5)).toThrow(RangeError);
  });
});
