import { describe, expect, it } from 'vitest';
import { synonymMap } from './synonyms.js';

describe('synonymMap', () => {
  it('makes every term of a group lead to every other, merging groups that share a term', () => {
    expect(synonymMap([['customer', 'listener', 'audience'], ['client', 'customer']])).toEqual({
      audience: ['customer', 'listener'],
      client: ['customer'],
      customer: ['audience', 'client', 'listener'],
      listener: ['audience', 'customer'],
    });
  });

  it('normalises terms and leaves out groups with fewer than two of them', () => {
    expect(synonymMap([[' Podcast   Show ', 'radio programme', 'podcast show'], ['alone'], ['same', ' SAME']])).toEqual({
      'podcast show': ['radio programme'],
      'radio programme': ['podcast show'],
    });
    expect(synonymMap([])).toEqual({});
  });
});
