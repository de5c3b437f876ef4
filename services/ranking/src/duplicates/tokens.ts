import pluralize from 'pluralize';

/**
 * The words of an identifier or a sentence, lowercase: camelCase and PascalCase are split
 * (`orderID` → order, id; `HTTPStatus` → http, status; a plural acronym stays one word, `IDs` →
 * ids), and so is everything that is not a letter or a digit (snake_case, kebab-case, dots, spaces).
 */
export function words(text: string): string[] {
  return text
    .replace(/(\p{Lu}{2,})s(?!\p{Ll})/gu, '$1S')
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

// pluralize tries its rule list on every call (a few µs); column and description vocabularies
// repeat heavily, so remembering the answers makes indexing a large mesh cheap. Bounded, so a
// long-lived process does not grow without limit; the answer never depends on the memo.
const SINGULAR_MEMO_LIMIT = 50_000;
const singulars = new Map<string, string>();

/**
 * The singular of one lowercase word. Words of one or two letters and numbers are left alone,
 * because pluralize would turn abbreviations such as `ts` into `t`.
 */
export function singular(word: string): string {
  if (word.length < 3 || /^\d+$/.test(word)) return word;
  let s = singulars.get(word);
  if (s === undefined) {
    s = pluralize.singular(word);
    if (singulars.size >= SINGULAR_MEMO_LIMIT) singulars.clear();
    singulars.set(word, s);
  }
  return s;
}

/** Function words that say nothing about what a product holds. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by for from has have in into is it its of on or per that the their this to was were which with'.split(' '),
);

/** The terms of free text for TF-IDF: its words, singular, without function words and single letters. */
export function textTerms(text: string): string[] {
  return words(text)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(singular);
}
