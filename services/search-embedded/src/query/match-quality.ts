import { NO_MATCH } from '../terms/fuzzy-walker.js';

/** Query words shorter than this allow no typo. */
export const ONE_TYPO_MIN_LENGTH = 5;
/** Query words at least this long allow two typos. */
export const TWO_TYPOS_MIN_LENGTH = 9;

/** What each typo takes off a match's quality. */
const TYPO_PENALTY = 0.2;
/** What matching as a prefix instead of a whole word multiplies a match's quality by. */
const PREFIX_FACTOR = 0.9;

/**
 * Typos a query word may carry, decided by its length as in Meilisearch: none under 5 letters,
 * one from 5, two from 9.
 *
 * @example allowedTypos('listner') // 1
 */
export function allowedTypos(word: string): number {
  if (word.length >= TWO_TYPOS_MIN_LENGTH) return 2;
  return word.length >= ONE_TYPO_MIN_LENGTH ? 1 : 0;
}

/**
 * How good a term is as a match for a query word, in (0, 1]: 1 for the word itself, less per typo,
 * less again when only a prefix of the term matches. A prefix without typos beats a whole word with
 * one, because a user still typing has made no mistake. Returns 0 when neither distance is a match.
 *
 * @param wholeTypos - distance to the whole term, or NO_MATCH
 * @param prefixTypos - distance to the closest prefix of the term, or NO_MATCH
 */
export function matchQuality(wholeTypos: number, prefixTypos: number): number {
  const whole = wholeTypos === NO_MATCH ? 0 : 1 - TYPO_PENALTY * wholeTypos;
  const prefix = prefixTypos === NO_MATCH ? 0 : PREFIX_FACTOR * (1 - TYPO_PENALTY * prefixTypos);
  return Math.max(whole, prefix);
}
