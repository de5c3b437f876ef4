import { describe, expect, it } from 'vitest';
import { WriteQueue, applyInChunks } from './write-queue.js';

describe('WriteQueue', () => {
  it('runs writes one at a time in call order, even when an earlier one yields', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const slow = queue.run(() => applyInChunks(['a1', 'a2', 'a3'], 1, (x) => log.push(x)));
    const fast = queue.run(async () => void log.push('b'));
    await Promise.all([slow, fast]);
    expect(log).toEqual(['a1', 'a2', 'a3', 'b']);
  });

  it('keeps going after a failed write, which still rejects', async () => {
    const queue = new WriteQueue();
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run(async () => undefined)).resolves.toBeUndefined();
  });
});

describe('applyInChunks', () => {
  it('lets other work run between chunks, but not within one', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other'));
    await applyInChunks([1, 2, 3, 4], 2, (x) => log.push(`item ${x}`));
    expect(log).toEqual(['item 1', 'item 2', 'other', 'item 3', 'item 4']);
  });
});
