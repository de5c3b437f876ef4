import type { SearchDocument, SearchFilters, SearchRequest } from '@quanta/core';
import type { PortKind, ProductStatus } from '@quanta/model';
import type { Random } from '../bench/random.js';

/** A small vocabulary full of near neighbours, so typos, prefixes and transpositions collide. */
export const VOCABULARY = [
  'listener', 'listeners', 'listen', 'lister', 'listing', 'play', 'plays', 'player', 'playlist', 'plan',
  'events', 'event', 'evens', 'artist', 'artists', 'artisan', 'podcast', 'podcasts', 'demographics',
  'demographic', 'geographics', 'churn', 'church', 'charm', 'score', 'scores', 'scare', 'track', 'tracks',
  'trick', 'album', 'albums', 'stream', 'streams', 'streaming', 'region', 'regions', 'religion', 'id', 'at',
];
const DOMAINS = ['player', 'listener', 'artist', 'podcast'];
const OWNERS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
const STATUSES: readonly ProductStatus[] = ['draft', 'active', 'deprecated', 'retired'];
const PORT_KINDS: readonly PortKind[] = ['table', 'stream', 'file', 'api', 'graphql'];
const TAGS = ['pii', 'gold', 'silver', 'raw', 'daily', 'hourly', 'finance', 'ml'];

/**
 * Random small products for model-based tests: up to 6 tags and 3 port kinds, so documents
 * overflow their inline facet slots too.
 */
export function randomDocument(random: Random, id: number, revision = 1): SearchDocument {
  const words = (n: number): string[] => Array.from({ length: n }, () => random.pick(VOCABULARY));
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: random.int(max + 1) }, () => random.pick(items)))];
  const name = words(2).join('-');
  return {
    iri: `https://test.example/p/${id}`,
    name,
    title: words(1 + random.int(3)).join(' '),
    description: words(3 + random.int(8)).join(' '),
    domain: random.pick(DOMAINS),
    owner: random.pick(OWNERS),
    status: random.pick(STATUSES),
    tags: some(TAGS, 6),
    portKinds: [random.pick(PORT_KINDS), ...some(PORT_KINDS, 2)],
    fieldNames: words(random.int(3)).map((w) => `${w}_id`),
    concepts: some(['Listener', 'Artist', 'Track'], 2),
    revision,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Words no document holds, for synonyms that reach the catalog from outside it. */
const OUTSIDE_WORDS = ['customer', 'client', 'radio', 'gig', 'audio'];

/**
 * 1-4 random synonym groups of 2-3 terms, each term one or two words of the vocabulary or from
 * outside it, some of them spelled with capitals and separators as labels are.
 */
export function randomSynonyms(random: Random): string[][] {
  const word = (): string => (random.next() < 0.3 ? random.pick(OUTSIDE_WORDS) : random.pick(VOCABULARY));
  const term = (): string => (random.next() < 0.3 ? `${word()} ${word()}` : random.next() < 0.1 ? `${word().toUpperCase()}-x` : word());
  return Array.from({ length: 1 + random.int(4) }, () => Array.from({ length: 2 + random.int(2) }, term));
}

/** A request for a term of `groups`, sometimes with a vocabulary word before or after it. */
export function synonymRequest(random: Random, groups: readonly (readonly string[])[]): SearchRequest {
  const term = random.pick(random.pick(groups));
  const roll = random.next();
  const q = roll < 0.2 ? `${random.pick(VOCABULARY)} ${term}` : roll < 0.4 ? `${term} ${random.pick(VOCABULARY)}` : term;
  return { q, filters: randomFilters(random), offset: random.int(4), limit: random.pick([1, 5, 20, 200]) };
}

/** A random request: 0-3 words with typos, prefixes and trailing spaces; random filters and paging. */
export function randomRequest(random: Random): SearchRequest {
  const words = Array.from({ length: random.int(4) }, () => mutate(random, random.pick(VOCABULARY)));
  let q = words.join(' ');
  if (q.length > 0 && random.next() < 0.3) q = q.slice(0, q.length - random.int(Math.min(4, words.at(-1)?.length ?? 1)));
  if (random.next() < 0.1) q += ' ';
  return { q, filters: randomFilters(random), offset: random.int(4), limit: random.pick([1, 5, 20, 200]) };
}

function mutate(random: Random, word: string): string {
  const roll = random.next();
  if (roll < 0.15 && word.length > 2) return word.slice(0, 1) + word[2] + word[1] + word.slice(3);
  if (roll < 0.3) return word.slice(0, -1) + 'x';
  return roll < 0.35 ? word.toUpperCase() : word;
}

function randomFilters(random: Random): SearchFilters {
  const filters: Record<string, string[]> = {};
  if (random.next() < 0.3) filters['status'] = ['draft', 'active', 'deprecated'];
  if (random.next() < 0.2) filters['domain'] = [random.pick(DOMAINS), random.pick(DOMAINS)];
  if (random.next() < 0.15) filters['tag'] = [random.pick(TAGS)];
  if (random.next() < 0.1) filters['portKind'] = [random.pick(PORT_KINDS)];
  if (random.next() < 0.05) filters['owner'] = ['nobody'];
  return filters as SearchFilters;
}
