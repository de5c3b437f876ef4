const KEY_CHARS = 7;
const BITS_PER_CHAR = 7;
const MAX_CODE = (1 << BITS_PER_CHAR) - 1;

/** UTF-16 code units a {@link nameSortKey} covers. */
export const NAME_KEY_CHARS = KEY_CHARS;

/**
 * A number that orders names like JavaScript's string comparison does, coarsely: seven UTF-16 code
 * units from `offset`, 7 bits each, packed into 49 bits (exact in a double). Comparing two numbers
 * is far cheaper than comparing two strings, and name order is the tie-break for every hit, so
 * top-k selection over 100k documents runs on keys (the head, then the next seven characters
 * when heads tie, as `listener-...` names do) and compares strings only when both keys tie.
 *
 * A code unit above 126 is stored as 127 and ends the key (everything after it, the tail key
 * included, reads 0): two names that differ first in such characters then tie and fall back to
 * string comparison, which keeps the order monotone: `a < b` implies `key(a) <= key(b)`.
 *
 * @example nameSortKey('artist') < nameSortKey('listener') // true
 */
export function nameSortKey(name: string, offset = 0): number {
  for (let i = 0; i < offset && i < name.length; i++) if (name.charCodeAt(i) >= MAX_CODE) return 0;
  let key = 0;
  let ended = false;
  for (let i = offset; i < offset + KEY_CHARS; i++) {
    const code: number = ended || i >= name.length ? 0 : Math.min(name.charCodeAt(i), MAX_CODE);
    ended ||= code === MAX_CODE;
    key = key * (MAX_CODE + 1) + code;
  }
  return key;
}
