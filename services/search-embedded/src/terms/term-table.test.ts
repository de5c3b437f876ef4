import { describe, expect, it } from 'vitest';
import { TermTable } from './term-table.js';

describe('TermTable', () => {
  it('interns ranges of a larger string and finds them again, slicing only new words', () => {
    const table = new TermTable();
    const added: string[] = [];
    const onAdd = (word: string): number => added.push(word);
    const source = 'play events play';
    expect(table.intern(source, 0, 4, onAdd)).toBe(0);
    expect(table.intern(source, 5, 11, onAdd)).toBe(1);
    expect(table.intern(source, 12, 16, onAdd)).toBe(0);
    expect(added).toEqual(['play', 'events']);
    expect(table.find('events', 0, 6)).toBe(1);
    expect(table.find('even', 0, 4)).toBe(-1);
    expect(table.wordOf(1)).toBe('events');
  });

  it('keeps every id through growth', () => {
    const table = new TermTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((w) => table.intern(w, 0, w.length, () => undefined));
    expect(table.size).toBe(words.length);
    words.forEach((w, i) => expect(table.find(w, 0, w.length)).toBe(i));
  });
});
