/**
 * Longest token kept, in UTF-16 code units. Longer runs (hashes, base64 blobs) are cut rather than
 * dropped so that a query holding the same run still finds them, and the typo walk's work stays
 * bounded by a fixed row size.
 */
export const MAX_TOKEN_LENGTH = 64;

const COMBINING_MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const WORD_END = /[\p{L}\p{N}]$/u;

/**
 * Folds text for matching: Unicode NFKD, combining marks (diacritics) removed, lower case.
 *
 * @example foldText('Démographics') // 'demographics'
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Splits text into folded words on every run of characters that are neither letters nor digits,
 * so `listener_id` gives `listener`, `id` and `play-events` gives `play`, `events`.
 *
 * @example tokenize('Play-Events_2024') // ['play', 'events', '2024']
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  forEachToken(text, (source, start, end) => tokens.push(source.slice(start, end)));
  return tokens;
}

/** Receives a token as the range `source[start..end)`, so no substring needs to be cut. */
export type TokenVisitor = (source: string, start: number, end: number) => void;

/**
 * Visits the words {@link tokenize} would return, as ranges. Pure ASCII text (nearly all catalog
 * text) is split in one pass over char codes, with no normalisation call, no regular expression
 * and no substring: bulk indexing spends most of its time here.
 */
export function forEachToken(text: string, visit: TokenVisitor): void {
  const lower = text.toLowerCase();
  if (!visitAsciiTokens(lower, visit)) for (const token of unicodeTokens(text)) visit(token, 0, token.length);
}

/**
 * True when the text's last character continues a word: the last query word is then still being
 * typed and matches as a prefix. A trailing space or separator means the word is finished.
 *
 * @example endsInWord('listener demo') // true
 * @example endsInWord('listener ') // false
 */
export function endsInWord(text: string): boolean {
  return WORD_END.test(foldText(text).slice(-2));
}

function unicodeTokens(text: string): string[] {
  return foldText(text)
    .split(SEPARATORS)
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, MAX_TOKEN_LENGTH));
}

/** Visits the tokens of lower-cased ASCII text; false (having visited nothing) when it is not ASCII. */
function visitAsciiTokens(lower: string, visit: TokenVisitor): boolean {
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 0x7f) return false;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 0;
    const inWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      visit(lower, start, Math.min(i, start + MAX_TOKEN_LENGTH));
      start = -1;
    }
  }
  return true;
}
