import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../ports/knowledge-graph.js';
import { synonymGroups, synonymTerm } from './synonyms.js';

const concept = (iri: string, label: string, stub = false): GraphNode => ({ iri: `https://o.example/${iri}`, kind: 'Concept', label, stub });

describe('synonymTerm', () => {
  it('lower-cases a label and drops the qualifier in parentheses nobody types', () => {
    expect(synonymTerm('Show (player)')).toBe('show');
    expect(synonymTerm('  Podcast   Show ')).toBe('podcast show');
    expect(synonymTerm('Playlist (listening context)')).toBe('playlist');
    expect(synonymTerm('(only a qualifier)')).toBe('');
  });
});

describe('synonymGroups', () => {
  it('joins concepts linked directly or through others, one group of distinct labels each', () => {
    const podcast = concept('daff/Podcast', 'Podcast');
    const show = concept('player/Show', 'Show (player)');
    const podcastShow = concept('listener/PodcastShow', 'Podcast show (listening context)');
    const listener = concept('daff/Listener', 'Listener');
    const listenerAgain = concept('player/Listener', 'Listener');
    const customer = concept('crm/Customer', 'Customer');
    expect(
      synonymGroups([
        { from: show, to: podcast },
        { from: podcastShow, to: podcast },
        { from: listenerAgain, to: listener },
        { from: customer, to: listenerAgain },
      ]),
    ).toEqual([
      ['customer', 'listener'],
      ['podcast', 'podcast show', 'show'],
    ]);
  });

  it('leaves out groups whose labels are all the same, and prefers a defined label over a stub', () => {
    const defined = concept('daff/Track', 'Track');
    expect(synonymGroups([{ from: concept('player/Track', 'Track'), to: defined }])).toEqual([]);
    // A stub's label is a guess from its IRI until a model defines the concept.
    expect(synonymGroups([{ from: concept('a/Song', 'Song'), to: concept('daff/Track', 'Trk', true) }, { from: concept('b/Tune', 'Tune'), to: defined }])).toEqual([['song', 'track', 'tune']]);
  });

  it('keeps a group around a hub concept to its first twelve terms', () => {
    const hub = concept('hub/Thing', 'Thing');
    const pairs = Array.from({ length: 30 }, (_, k) => ({ from: concept(`c/${k}`, `Term ${String(k).padStart(2, '0')}`), to: hub }));
    const [group] = synonymGroups(pairs);
    expect(group).toHaveLength(12);
    expect(group?.[0]).toBe('term 00');
  });
});
