import { testDocument } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { DocumentTable } from './document-table.js';

describe('DocumentTable', () => {
  it('gives every added document a fresh id and tombstones removed ones', () => {
    const table = new DocumentTable();
    const a = table.add(testDocument('a'));
    const b = table.add(testDocument('b'));
    expect(table.remove(a)?.name).toBe('a');
    expect(table.remove(a)).toBeUndefined();
    expect([table.isLive(a), table.isLive(b)]).toEqual([false, true]);
    expect([table.liveCount, table.deadCount, table.nextId]).toEqual([1, 1, 2]);
    expect(table.idOf(testDocument('a').iri)).toBe(-1);
  });

  it('renumbers live documents densely, in order, with their name keys', () => {
    const table = new DocumentTable();
    const ids = ['c', 'a', 'b'].map((name) => table.add(testDocument(name)));
    table.remove(ids[0] ?? -1);
    const remap = table.compact();
    expect(Array.from(remap)).toEqual([-1, 0, 1]);
    expect(table.documentOf(0)?.name).toBe('a');
    expect(table.idOf(testDocument('b').iri)).toBe(1);
    expect(table.nameKeys[0]).toBeLessThan(table.nameKeys[1] ?? 0);
    expect([table.isLive(1), table.isLive(2), table.nextId]).toEqual([true, false, 2]);
  });
});
