import { NONE, TermTrie } from './term-trie.js';

/**
 * Every distinct word ever indexed, each with a small integer id, and a trie over them for typo and
 * prefix lookups. Ids index the posting lists. Words are never forgotten: a catalog's vocabulary
 * grows slowly, and a word whose documents are gone simply has no live postings.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** The trie over every word, for walks that find terms near a query word. */
  readonly trie = new TermTrie();

  /** Number of distinct words. */
  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, or {@link NONE} when it was never indexed. */
  idOf(word: string): number {
    return this.ids.get(word) ?? NONE;
  }

  /** The id of `word`, adding it when new. */
  intern(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    this.trie.insert(word, id);
    return id;
  }

  /** The word with id `termId`. */
  wordOf(termId: number): string {
    return this.words[termId] ?? '';
  }
}
