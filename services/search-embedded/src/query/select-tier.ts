/**
 * Meilisearch's "last" matching strategy: documents matching every query word first; while fewer
 * than `wanted` documents match, drop words from the end of the query, one at a time, and admit
 * the documents matching the words that remain. Returns the lowest level admitted (at least 1:
 * the first word is never dropped).
 *
 * @param atLeast - `atLeast[l]`: documents matching at least the first `l` words (exact matches
 *   count at every level)
 * @param wanted - offset + limit: how many documents the page needs
 * @example selectMinLevel([0, 6, 1], 2, 20) // 1: one document matching both words is not enough
 */
export function selectMinLevel(atLeast: readonly number[], wordCount: number, wanted: number): number {
  for (let level = wordCount; level > 1; level--) {
    if ((atLeast[level] ?? 0) >= wanted) return level;
  }
  return 1;
}
