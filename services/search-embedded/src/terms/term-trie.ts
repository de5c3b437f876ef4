import { ensureCapacity } from '../typed-arrays.js';

/** Marks "no node" and "no term" in the trie's arrays. */
export const NONE = -1;

const INITIAL_CAPACITY = 1024;

/**
 * A character trie over the term dictionary, stored as parallel typed arrays (first child, next
 * sibling, character, term id) instead of one object per node: at 100k+ terms that is a few MB
 * instead of tens, and walks touch contiguous memory. Node 0 is the root. Terms are never removed
 * (a term without live postings costs a few bytes and matches nothing).
 */
export class TermTrie {
  private firstChild = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private nextSibling = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private chars = new Uint16Array(INITIAL_CAPACITY);
  private terms = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private size = 1;

  /** Number of nodes, the root included. */
  get nodeCount(): number {
    return this.size;
  }

  /** Records that `word` is the term `termId`. */
  insert(word: string, termId: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) node = this.childOrCreate(node, word.charCodeAt(i));
    this.terms[node] = termId;
  }

  /** The node spelling `prefix`, or {@link NONE}. */
  find(prefix: string): number {
    let node = 0;
    for (let i = 0; i < prefix.length && node !== NONE; i++) node = this.child(node, prefix.charCodeAt(i));
    return node;
  }

  /** First child of `node`, or {@link NONE}. */
  firstChildOf(node: number): number {
    return this.firstChild[node] ?? NONE;
  }

  /** Next sibling of `node`, or {@link NONE}. */
  nextSiblingOf(node: number): number {
    return this.nextSibling[node] ?? NONE;
  }

  /** The UTF-16 code unit on the edge into `node`. */
  charOf(node: number): number {
    return this.chars[node] ?? 0;
  }

  /** The term ending at `node`, or {@link NONE}. */
  termOf(node: number): number {
    return this.terms[node] ?? NONE;
  }

  private child(node: number, char: number): number {
    let c = this.firstChildOf(node);
    while (c !== NONE && this.chars[c] !== char) c = this.nextSiblingOf(c);
    return c;
  }

  private childOrCreate(node: number, char: number): number {
    const found = this.child(node, char);
    if (found !== NONE) return found;
    if (this.size === this.chars.length) this.grow();
    const created = this.size++;
    this.chars[created] = char;
    this.nextSibling[created] = this.firstChildOf(node);
    this.firstChild[node] = created;
    return created;
  }

  private grow(): void {
    const old = this.chars.length;
    this.firstChild = ensureCapacity(this.firstChild, old * 2).fill(NONE, old);
    this.nextSibling = ensureCapacity(this.nextSibling, old * 2).fill(NONE, old);
    this.terms = ensureCapacity(this.terms, old * 2).fill(NONE, old);
    this.chars = ensureCapacity(this.chars, old * 2);
  }
}
