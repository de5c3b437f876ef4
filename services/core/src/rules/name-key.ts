/**
 * A name as people type it: case, accents, punctuation and separators do not matter ("Play
 * events" is play-events). The one reading of "the query names this product" that the catalog's
 * exact-name rule and the search adapters share.
 * @example nameKey('Listener démographics v2') // 'listener demographics v2'
 */
export const nameKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
