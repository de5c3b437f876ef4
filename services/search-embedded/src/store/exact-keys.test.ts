import { testDocument } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { ExactKeys, exactPhrase } from './exact-keys.js';

describe('ExactKeys', () => {
  const play = testDocument('play-events', { title: 'Play events' });
  const twin = testDocument('other', { title: 'PLAY-events' });
  const documents = [play, twin];
  const lookup = (keys: ExactKeys, q: string): number[] => keys.lookup(q, (id) => documents[id]);

  it('finds documents whose name, title or IRI equals the query as a phrase', () => {
    const keys = new ExactKeys();
    keys.add(0, play);
    keys.add(1, twin);
    expect(lookup(keys, 'play events')).toEqual([0, 1]);
    expect(lookup(keys, 'Play_Events')).toEqual([0, 1]);
    expect(lookup(keys, play.iri)).toEqual([0]);
    expect(lookup(keys, 'play')).toEqual([]);
    expect(lookup(keys, '  ')).toEqual([]);
  });

  it('forgets removed documents and follows compaction', () => {
    const keys = new ExactKeys();
    keys.add(0, play);
    keys.add(1, twin);
    keys.remove(0, play);
    keys.compact(Int32Array.from([-1, 0]));
    expect(keys.lookup('play events', (id) => [twin][id])).toEqual([0]);
  });

  it('normalises like the tokenizer', () => {
    expect(exactPhrase('  Démographics / Listener ')).toBe('demographics listener');
  });
});
