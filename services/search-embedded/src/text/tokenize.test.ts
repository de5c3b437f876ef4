import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, endsInWord, foldText, forEachToken, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit, and lower-cases', () => {
    expect(tokenize('listener_id')).toEqual(['listener', 'id']);
    expect(tokenize('Play-Events 2024/v2')).toEqual(['play', 'events', '2024', 'v2']);
    expect(tokenize('  --  ')).toEqual([]);
  });

  it('folds compatibility forms and strips diacritics', () => {
    expect(foldText('Démographics')).toBe('demographics');
    expect(tokenize('Émission ﬁnale, Straße')).toEqual(['emission', 'finale', 'straße']);
    expect(tokenize('naïve café')).toEqual(tokenize('naive cafe'));
  });

  it('keeps letters and digits of every script', () => {
    expect(tokenize('данные 製品-2')).toEqual(['данные', '製品', '2']);
  });

  it(`cuts tokens longer than ${MAX_TOKEN_LENGTH} characters`, () => {
    const [token] = tokenize('a'.repeat(100));
    expect(token).toHaveLength(MAX_TOKEN_LENGTH);
  });

  it('visits the same tokens as ranges, on the ASCII and the Unicode path', () => {
    for (const text of ['Play-Events_2024', 'Démographics of listeners']) {
      const seen: string[] = [];
      forEachToken(text, (source, start, end) => seen.push(source.slice(start, end)));
      expect(seen).toEqual(tokenize(text));
    }
  });
});

describe('endsInWord', () => {
  it('is true only when the last character continues a word', () => {
    expect(endsInWord('listener demo')).toBe(true);
    expect(endsInWord('listener demo ')).toBe(false);
    expect(endsInWord('play-')).toBe(false);
    expect(endsInWord('café')).toBe(true);
    expect(endsInWord('')).toBe(false);
  });
});
