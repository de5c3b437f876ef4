import type { SearchDocument, SearchRequest, SynonymGroup } from '@quanta/core';
import { FACETS, type FacetCount, type FacetName } from '@quanta/model';
import { SEARCHABLE_FIELDS } from '../store/fields.js';
import { endsInWord, tokenize } from '../text/tokenize.js';

/** What the reference decides for a request: the matched set, its size and its facet counts. */
export interface ReferenceResult {
  readonly iris: ReadonlySet<string>;
  readonly total: number;
  readonly facets: Readonly<Record<FacetName, readonly FacetCount[]>>;
}

const FACET_VALUES: Readonly<Record<FacetName, (d: SearchDocument) => readonly string[]>> = {
  domain: (d) => [d.domain],
  owner: (d) => [d.owner],
  status: (d) => [d.status],
  tag: (d) => d.tags,
  portKind: (d) => d.portKinds,
};

/**
 * A deliberately naive implementation of the matching rules (typo allowance by word length,
 * last-word prefix, the "last" matching strategy, exact name/title/IRI matches, filters, facets,
 * synonyms), comparing every query word with every token of every document. Tests check the
 * engine against it on random corpora; it knows nothing of tries, postings, tombstones, cached
 * universes or synonym tables.
 */
export function referenceSearch(documents: readonly SearchDocument[], request: SearchRequest, synonyms: readonly SynonymGroup[] = []): ReferenceResult {
  const tokens = tokenize(request.q);
  const words = tokens.slice(0, 10);
  const prefix = words.length > 0 && words.length === tokens.length && endsInWord(request.q);
  const admitted = documents.filter((d) => passesFilters(d, request));
  const levels = new Map(admitted.map((d) => [d, levelOf(d, words, prefix, request.q, synonyms)]));
  const minLevel = words.length === 0 ? 0 : chooseMinLevel([...levels.values()], words.length, request.offset + request.limit);
  const matched = admitted.filter((d) => words.length === 0 || (levels.get(d) ?? 0) >= Math.max(1, minLevel));
  return { iris: new Set(matched.map((d) => d.iri)), total: matched.length, facets: facetCounts(matched) };
}

/** Optimal string alignment distance (adjacent transposition counts as one edit). */
export function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] ?? [])[j] = v;
    }
  }
  return at(a.length, b.length);
}

function passesFilters(d: SearchDocument, request: SearchRequest): boolean {
  return FACETS.every((facet) => {
    const wanted = request.filters[facet] ?? [];
    return wanted.length === 0 || FACET_VALUES[facet](d).some((v) => wanted.includes(v));
  });
}

function levelOf(d: SearchDocument, words: readonly string[], prefix: boolean, q: string, synonyms: readonly SynonymGroup[]): number {
  const phrase = tokenize(q).join(' ');
  if (phrase !== '' && [d.name, d.title, d.iri].some((text) => tokenize(text).join(' ') === phrase)) return words.length + 1;
  const docTokens = SEARCHABLE_FIELDS.flatMap((field) => field.text(d).flatMap(tokenize));
  const bySynonym = synonymMatches(words, synonyms, new Set(docTokens));
  let level = 0;
  while (level < words.length && (bySynonym[level] || matchesWord(words[level] ?? '', prefix && level === words.length - 1, docTokens))) level++;
  return level;
}

/**
 * Per query word, whether the document holds (every word of) another term of a group one of
 * whose terms the query spells at a run of words covering it.
 */
function synonymMatches(words: readonly string[], groups: readonly SynonymGroup[], docTokens: ReadonlySet<string>): boolean[] {
  const covered = words.map(() => false);
  for (const group of groups) {
    const terms = group.map(tokenize).filter((tokens) => tokens.length > 0);
    for (const term of terms) {
      const held = terms.some((other) => other.join(' ') !== term.join(' ') && other.every((token) => docTokens.has(token)));
      for (let start = 0; held && start + term.length <= words.length; start++) {
        if (term.every((token, k) => words[start + k] === token)) term.forEach((_, k) => (covered[start + k] = true));
      }
    }
  }
  return covered;
}

function matchesWord(word: string, prefix: boolean, docTokens: readonly string[]): boolean {
  return docTokens.some((token) => matchesToken(word, prefix, token));
}

const tokenMatches = new Map<string, boolean>();

/** Memoised: corpora repeat tokens, and the brute force compares every prefix of every token. */
function matchesToken(word: string, prefix: boolean, token: string): boolean {
  const key = `${word} ${prefix} ${token}`;
  const known = tokenMatches.get(key);
  if (known !== undefined) return known;
  const allowed = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  let matches = osaDistance(word, token) <= allowed;
  for (let k = 0; prefix && !matches && k <= token.length; k++) matches = osaDistance(word, token.slice(0, k)) <= allowed;
  tokenMatches.set(key, matches);
  return matches;
}

function chooseMinLevel(levels: readonly number[], wordCount: number, wanted: number): number {
  for (let k = wordCount; k > 1; k--) if (levels.filter((l) => l >= k).length >= wanted) return k;
  return 1;
}

function facetCounts(matched: readonly SearchDocument[]): Record<FacetName, FacetCount[]> {
  const result = {} as Record<FacetName, FacetCount[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const d of matched) for (const v of new Set(FACET_VALUES[facet](d))) counts.set(v, (counts.get(v) ?? 0) + 1);
    result[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  return result;
}
