/** Relevance of an exact match of a product's name, IRI or title: the only way to reach 1. */
export const EXACT_RELEVANCE = 1;

/** Best relevance of anything short of an exact match, so exact matches always rank first. */
const BELOW_EXACT = 0.99;

/**
 * Text relevance in [0, 1) of a document matching the first `level` of `wordCount` query words
 * with per-word scores summing to `scoreSum` (each in (0, 1]: field weight times match quality).
 * Each matched word earns one `1 / wordCount` band, and the average word score places the
 * document within its top band, so documents matching more words always rank above documents
 * matching fewer, and then by fewer typos, whole words and heavier fields.
 *
 * @example tierRelevance(2, 2, 2) // 0.99: both words matched perfectly
 * @example tierRelevance(1, 0.5, 2) // 0.2475: one of two words, in the description
 */
export function tierRelevance(level: number, scoreSum: number, wordCount: number): number {
  return (BELOW_EXACT * (level - 1 + scoreSum / level)) / wordCount;
}

/**
 * {@link tierRelevance} of a document matching all `wordCount` words, as `base + slope * scoreSum`.
 * The matcher ranks every full match as it scores it, 100k times for a frequent word, so it
 * precomputes these instead of dividing twice per document.
 */
export function fullMatchRelevance(wordCount: number): { base: number; slope: number } {
  return { base: (BELOW_EXACT * (wordCount - 1)) / wordCount, slope: BELOW_EXACT / (wordCount * wordCount) };
}
