import { ensureCapacity } from '../typed-arrays.js';

const EMPTY = 0;
const INITIAL_SLOTS = 1 << 12;

/**
 * An open-addressing hash table from words to dense ids that is looked up by a range of a larger
 * string (`source[start..end)`), so indexing a document interns its ~70 tokens without cutting
 * one substring or hashing one fresh string per token: only new words are ever sliced. A bulk
 * build of 100k products spends a quarter of its time here with a `Map<string, number>`.
 */
export class TermTable {
  private slots = new Int32Array(INITIAL_SLOTS);
  private hashes = new Uint32Array(1024);
  private readonly words: string[] = [];

  /** Number of words held. */
  get size(): number {
    return this.words.length;
  }

  /** The word with id `id`. */
  wordOf(id: number): string {
    return this.words[id] ?? '';
  }

  /** The id of `source[start..end)`, or -1 when absent. */
  find(source: string, start: number, end: number): number {
    const hash = rangeHash(source, start, end);
    return (this.slots[this.slotOf(source, start, end, hash)] ?? EMPTY) - 1;
  }

  /** The id of `source[start..end)`, adding the word when new; `onAdd` hears of new words. */
  intern(source: string, start: number, end: number, onAdd: (word: string, id: number) => void): number {
    const hash = rangeHash(source, start, end);
    const slot = this.slotOf(source, start, end, hash);
    const known = (this.slots[slot] ?? EMPTY) - 1;
    if (known >= 0) return known;
    const id = this.words.length;
    const word = source.slice(start, end);
    this.words.push(word);
    this.hashes = ensureCapacity(this.hashes, id + 1);
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (2 * this.words.length > this.slots.length) this.rehash();
    onAdd(word, id);
    return id;
  }

  /** Linear probing: the slot holding the range's id, or the empty slot where it would go. */
  private slotOf(source: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) return slot;
      if (this.hashes[entry - 1] === hash && sameRange(this.words[entry - 1] ?? '', source, start, end)) return slot;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.words.forEach((_, id) => {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }
}

/** FNV-1a over the range's UTF-16 code units. */
function rangeHash(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function sameRange(word: string, source: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}
