import type { SearchFilters, SearchRequest } from '@quanta/core';
import { type CorpusGenerator, DOMAINS } from './synthetic-corpus.js';
import type { Random } from './random.js';

/** A benchmark query and the traits it was built with, for per-trait figures. */
export interface BenchQuery {
  readonly request: SearchRequest;
  readonly traits: readonly string[];
}

/** What the core search use case always sends: retired products are hidden, 200 candidates. */
const API_STATUSES = ['draft', 'active', 'deprecated'];
const API_WINDOW = 200;

/**
 * The query mix: 1-3 vocabulary words; ~30% carry a typo in a word of 5+ letters; ~30% end in a
 * 1-4 letter prefix; ~25% filter on a domain, owner or tag; ~8% are empty (browse with facets).
 * 70% are shaped like the API's calls (status filter, 200 candidates), the rest ask for 20 hits.
 */
export function makeQueries(random: Random, corpus: CorpusGenerator, count: number): BenchQuery[] {
  return Array.from({ length: count }, () => makeQuery(random, corpus));
}

function makeQuery(random: Random, corpus: CorpusGenerator): BenchQuery {
  const traits: string[] = [];
  let words = corpus.words(1 + random.int(3));
  if (random.next() < 0.08) words = [];
  if (words.length > 0 && random.next() < 0.3) words = withTypo(random, words, traits);
  if (words.length > 0 && random.next() < 0.3) words = withPrefix(random, words, traits);
  const filters: Record<string, string[]> = {};
  if (random.next() < 0.25) addFacetFilter(random, corpus, filters, traits);
  const api = random.next() < 0.7;
  if (api) filters['status'] = API_STATUSES;
  traits.push(words.length === 0 ? 'empty' : `${words.length}-word`, api ? 'api-200' : 'page-20');
  const request = { q: words.join(' '), filters: filters as SearchFilters, offset: 0, limit: api ? API_WINDOW : 20 };
  return { request, traits };
}

function withTypo(random: Random, words: string[], traits: string[]): string[] {
  const at = words.findIndex((w) => w.length >= 5);
  if (at < 0) return words;
  traits.push('typo');
  return words.map((w, i) => (i === at ? misspell(random, w) : w));
}

/** One typo: a transposition, a substitution or a deletion at a random position. */
function misspell(random: Random, word: string): string {
  const i = 1 + random.int(word.length - 2);
  const kind = random.int(3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + 'x' + word.slice(i + 1);
  return word.slice(0, i) + word.slice(i + 1);
}

function withPrefix(random: Random, words: string[], traits: string[]): string[] {
  traits.push('prefix');
  const last = words[words.length - 1] ?? '';
  return [...words.slice(0, -1), last.slice(0, 1 + random.int(4))];
}

function addFacetFilter(random: Random, corpus: CorpusGenerator, filters: Record<string, string[]>, traits: string[]): void {
  traits.push('filter');
  const facet = random.int(3);
  if (facet === 0) filters['domain'] = [random.pick(DOMAINS)];
  else if (facet === 1) filters['owner'] = [random.pick(corpus.owners)];
  else filters['tag'] = [random.pick(corpus.tags.slice(0, 50))];
}
