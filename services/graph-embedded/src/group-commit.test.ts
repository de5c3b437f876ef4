import { describe, expect, it } from 'vitest';
import { saveInput, testDescriptor } from '@quanta/core/testing';
import { GroupCommit } from './group-commit.js';
import { SqliteKnowledgeGraph } from './sqlite-knowledge-graph.js';

describe('GroupCommit', () => {
  it('commits requests made in one turn together, and resolves each with its own outcome', async () => {
    const groups: number[][] = [];
    const group = new GroupCommit<number, number>((inputs) => {
      groups.push([...inputs]);
      return inputs.map((n) => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 }));
    });
    const results = await Promise.allSettled([group.submit(1), group.submit(-2), group.submit(3)]);
    expect(groups).toEqual([[1, -2, 3]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'refused -2', 30]);
    await group.submit(4);
    expect(groups).toEqual([[1, -2, 3], [4]]);
  });

  it('rejects the whole group when the commit itself fails', async () => {
    const group = new GroupCommit<number, number>(() => {
      throw new Error('disk full');
    });
    const results = await Promise.allSettled([group.submit(1), group.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('SqliteKnowledgeGraph group commit', () => {
  it('stores concurrent saves of many products, and a refused one stores nothing of itself', async () => {
    const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
    await graph.saveProduct(saveInput(testDescriptor('taken')));
    const saves = [
      ...Array.from({ length: 20 }, (_, i) => graph.saveProduct(saveInput(testDescriptor(`p${i}`)))),
      graph.saveProduct({ ...saveInput(testDescriptor('taken', { description: 'stale' })), expectedRevision: 0 }),
    ];
    const settled = await Promise.allSettled(saves);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(20);
    expect(settled.at(-1)?.status).toBe('rejected');
    expect(await graph.countProducts()).toBe(21);
    expect((await graph.getProduct(testDescriptor('taken').id))?.descriptor.description).toBe('Test product taken.');
    await graph.close();
  });
});
