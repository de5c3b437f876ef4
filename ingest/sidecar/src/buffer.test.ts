import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './buffer.js';

describe('BoundedQueue', () => {
  it('keeps the newest items within its capacity and says how many it dropped', () => {
    const q = new BoundedQueue<number>(3);
    expect(q.push(1, 2)).toBe(0);
    expect(q.push(3, 4, 5)).toBe(2);
    expect(q.size).toBe(3);
    expect(q.peek(10)).toEqual([3, 4, 5]);
  });

  it('lets items leave only when removed, and removes only what is still held', () => {
    const q = new BoundedQueue<{ n: number }>(3);
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => ({ n }));
    q.push(a!, b!, c!);
    const batch = q.peek(2);
    expect(q.size).toBe(3);
    q.push(d!); // drops a while the batch [a, b] is in flight
    q.remove(batch);
    expect(q.peek(10)).toEqual([c, d]);
    q.remove(q.peek(1));
    expect(q.peek(10)).toEqual([d]);
  });

  it('empties on clear, and refuses a capacity that is not a positive integer', () => {
    const q = new BoundedQueue<string>(2);
    q.push('x', 'y');
    expect(q.clear()).toBe(2);
    expect(q.size).toBe(0);
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    expect(() => new BoundedQueue(1.5)).toThrow(RangeError);
  });
});
