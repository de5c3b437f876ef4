import { SEARCHABLE_FIELDS } from '../store/fields.js';
import type { PostingLists } from '../store/posting-lists.js';
import type { TermDictionary } from '../terms/term-dictionary.js';
import type { Candidate } from '../query/word-candidates.js';
import { intersectPostings } from './intersect-postings.js';
import type { SynonymSpan } from './synonym-table.js';

/**
 * The match quality of a synonym. A posting scores quality times field weight, so a synonym in
 * the heaviest field stays below the query's own word whole in the lightest: documents that hold
 * what was typed rank above those that hold only a synonym of it.
 */
export const SYNONYM_QUALITY = 0.9 * Math.min(...SEARCHABLE_FIELDS.map((field) => field.weight));

/** What synonym expansion reads from the index. */
export interface SynonymSources {
  readonly terms: TermDictionary;
  readonly postings: PostingLists;
}

/**
 * Adds to each query word's candidates the other terms of the synonym groups it takes part in.
 * A term of several words (`podcast show`) matches documents holding all of its words; a run of
 * query words spelling a term has each of its words matched by the term's synonyms, so the
 * document matching a synonym of the whole phrase matches every word of it. Synonyms match
 * whole and without typos, as in Meilisearch.
 */
export function addSynonymCandidates(candidates: Candidate[][], spans: readonly SynonymSpan[], sources: SynonymSources): void {
  for (const { start, end, alternatives } of spans) {
    for (const tokens of alternatives) {
      const candidate = candidateOf(tokens, sources);
      if (candidate !== undefined) for (let word = start; word < end; word++) candidates[word]?.push(candidate);
    }
  }
}

/** The term (or, for several words, the documents holding them all), if any document has it. */
function candidateOf(tokens: readonly string[], { terms, postings }: SynonymSources): Candidate | undefined {
  const ids = tokens.map((token) => terms.idOf(token));
  if (ids.some((id) => id < 0 || postings.length(id) === 0)) return undefined;
  const [only] = ids;
  if (ids.length === 1 && only !== undefined) return { termId: only, quality: SYNONYM_QUALITY };
  const both = intersectPostings(ids.map((id) => ({ entries: postings.entries(id), length: postings.length(id) })));
  return both.length === 0 ? undefined : { termId: -1, quality: SYNONYM_QUALITY, postings: both };
}
