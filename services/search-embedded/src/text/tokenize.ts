/**
 * Longest token kept, in UTF-16 code units. Longer runs (hashes, base64 blobs) are cut rather than
 * dropped so that a query holding the same run still finds them, and the typo walk's work stays
 * bounded by a fixed row size.
 */
export const MAX_TOKEN_LENGTH = 64;

const COMBINING_MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_ONLY = /^\p{ASCII}*$/u;

/**
 * Folds text for matching: Unicode NFKD, combining marks (diacritics) removed, lower case.
 * ASCII skips the normalisation call because bulk indexing spends most of its time here.
 *
 * @example foldText('Démographics') // 'demographics'
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Splits folded text into words on every run of characters that are neither letters nor digits,
 * so `listener_id` gives `listener`, `id` and `play-events` gives `play`, `events`.
 *
 * @example tokenize('Play-Events_2024') // ['play', 'events', '2024']
 */
export function tokenize(text: string): string[] {
  const words = foldText(text).split(SEPARATORS);
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length === 0) continue;
    tokens.push(word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word);
  }
  return tokens;
}

/**
 * True when the text's last character continues a word: the last query word is then still being
 * typed and matches as a prefix. A trailing space or separator means the word is finished.
 *
 * @example endsInWord('listener demo') // true
 * @example endsInWord('listener ') // false
 */
export function endsInWord(text: string): boolean {
  const folded = foldText(text);
  const last = folded.slice(-2);
  return /[\p{L}\p{N}]$/u.test(last);
}
