import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.js';

describe('nameKey', () => {
  it('reads a name as people type it: case, accents, punctuation and separators do not matter', () => {
    expect(nameKey('Play events')).toBe('play events');
    expect(nameKey('play-events')).toBe(nameKey('PLAY_EVENTS'));
    expect(nameKey('Listener démographics, v2')).toBe('listener demographics v2');
    expect(nameKey(' -- ')).toBe('');
  });
});
