import { endsInWord, tokenize } from '../text/tokenize.js';

/** At most this many query words are matched, as in Meilisearch; the rest are ignored. */
export const MAX_QUERY_WORDS = 10;

/** A query as the matcher sees it. */
export interface ParsedQuery {
  /** The normalised words to match, in query order, at most {@link MAX_QUERY_WORDS}. */
  readonly words: readonly string[];
  /** True when the last word is still being typed and also matches as a prefix. */
  readonly lastIsPrefix: boolean;
}

/**
 * Splits a query into words. Only the last word may be a prefix, and only when the query ends in
 * it: `listener demo` looks for words starting with `demo`, `listener demo ` does not.
 *
 * @example parseQuery('Listener demo') // { words: ['listener', 'demo'], lastIsPrefix: true }
 */
export function parseQuery(q: string): ParsedQuery {
  const tokens = tokenize(q);
  const words = tokens.slice(0, MAX_QUERY_WORDS);
  const lastIsPrefix = words.length > 0 && words.length === tokens.length && endsInWord(q);
  return { words, lastIsPrefix };
}
