import { describe, expect, it } from 'vitest';
import { SynonymTable } from './synonym-table.js';

const table = (groups: string[][]): SynonymTable => {
  const t = new SynonymTable();
  t.replace(groups);
  return t;
};

describe('SynonymTable', () => {
  it('finds every run of query words that is a term, with the rest of its groups', () => {
    const t = table([['Podcast-Show', 'radio programme', 'broadcast'], ['broadcast', 'airing']]);
    expect(t.spans(['my', 'podcast', 'show'])).toEqual([{ start: 1, end: 3, alternatives: [['radio', 'programme'], ['broadcast']] }]);
    expect(t.spans(['broadcast'])).toEqual([{ start: 0, end: 1, alternatives: [['podcast', 'show'], ['radio', 'programme'], ['airing']] }]);
    expect(t.spans(['podcast', 'shows'])).toEqual([]);
    expect(t.spans(['show', 'podcast'])).toEqual([]);
  });

  it('ignores groups with fewer than two distinct terms, and forgets them all on replace', () => {
    const t = table([['alone'], ['same', 'SAME'], ['--', 'word']]);
    expect(t.isEmpty).toBe(true);
    t.replace([['customer', 'listener']]);
    expect(t.isEmpty).toBe(false);
    t.replace([]);
    expect(t.isEmpty).toBe(true);
    expect(t.spans(['customer'])).toEqual([]);
  });
});
