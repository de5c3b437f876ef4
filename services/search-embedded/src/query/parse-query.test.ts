import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WORDS, parseQuery } from './parse-query.js';

describe('parseQuery', () => {
  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('Listener demo')).toEqual({ words: ['listener', 'demo'], lastIsPrefix: true });
    expect(parseQuery('listener demo ').lastIsPrefix).toBe(false);
    expect(parseQuery('play-').lastIsPrefix).toBe(false);
    expect(parseQuery('   ')).toEqual({ words: [], lastIsPrefix: false });
  });

  it(`matches at most ${MAX_QUERY_WORDS} words, and then none of them as a prefix`, () => {
    const parsed = parseQuery(Array.from({ length: 12 }, (_, i) => `w${i}`).join(' '));
    expect(parsed.words).toHaveLength(MAX_QUERY_WORDS);
    expect(parsed.lastIsPrefix).toBe(false);
  });
});
