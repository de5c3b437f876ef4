import { TermTable } from './term-table.js';
import { NONE, TermTrie } from './term-trie.js';

/**
 * Every distinct word ever indexed, each with a small integer id, and a trie over them for typo and
 * prefix lookups. Ids index the posting lists. Words are never forgotten: a catalog's vocabulary
 * grows slowly, and a word whose documents are gone simply has no live postings.
 */
export class TermDictionary {
  private readonly table = new TermTable();
  /** The trie over every word, for walks that find terms near a query word. */
  readonly trie = new TermTrie();
  private readonly addToTrie = (word: string, id: number): void => this.trie.insert(word, id);

  /** Number of distinct words. */
  get size(): number {
    return this.table.size;
  }

  /** The id of `word`, or {@link NONE} when it was never indexed. */
  idOf(word: string): number {
    const id = this.table.find(word, 0, word.length);
    return id >= 0 ? id : NONE;
  }

  /** The id of the word `source[start..end)`, adding it when new. */
  intern(source: string, start = 0, end = source.length): number {
    return this.table.intern(source, start, end, this.addToTrie);
  }

  /** The word with id `termId`. */
  wordOf(termId: number): string {
    return this.table.wordOf(termId);
  }
}
