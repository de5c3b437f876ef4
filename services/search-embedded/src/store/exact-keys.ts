import type { SearchDocument } from '@quanta/core';
import { tokenize } from '../text/tokenize.js';

/**
 * The phrase a whole query must equal, after normalisation, to be an exact match of a product's
 * name, title or IRI. Tokenising both sides makes `play-events`, `Play events` and `play events`
 * the same phrase, and an IRI typed or pasted whole equal to the product's IRI.
 */
export function exactPhrase(text: string): string {
  return tokenize(text).join(' ');
}

/** The exact-match phrases of a document: its name, title and IRI. */
export function exactPhrasesOf(document: SearchDocument): string[] {
  const phrases = [document.name, document.title, document.iri].map(exactPhrase);
  return [...new Set(phrases)].filter((p) => p.length > 0);
}

/**
 * Documents by exact-match phrase. Keys are 30-bit hashes of the phrases rather than the phrases
 * (which would cost three more strings per product); a lookup re-checks the candidates' phrases,
 * so a hash collision costs a comparison, never a wrong match.
 */
export class ExactKeys {
  private readonly byHash = new Map<number, number[]>();

  /** Indexes `document` under its phrases. */
  add(docId: number, document: SearchDocument): void {
    for (const phrase of exactPhrasesOf(document)) {
      const hash = phraseHash(phrase);
      const ids = this.byHash.get(hash);
      if (ids === undefined) this.byHash.set(hash, [docId]);
      else ids.push(docId);
    }
  }

  /** Forgets `document`, indexed before under `docId`. */
  remove(docId: number, document: SearchDocument): void {
    for (const phrase of exactPhrasesOf(document)) {
      const hash = phraseHash(phrase);
      const kept = (this.byHash.get(hash) ?? []).filter((id) => id !== docId);
      if (kept.length === 0) this.byHash.delete(hash);
      else this.byHash.set(hash, kept);
    }
  }

  /** Ids whose name, title or IRI has `phrase` as its exact phrase, given a way to read them. */
  lookup(phrase: string, documentOf: (docId: number) => SearchDocument | undefined): number[] {
    const ids = this.byHash.get(phraseHash(phrase)) ?? [];
    return ids.filter((id) => {
      const document = documentOf(id);
      return document !== undefined && exactPhrasesOf(document).includes(phrase);
    });
  }

  /** Moves every kept document to its new id (`remap[old]`, -1 dropped). */
  compact(remap: Int32Array): void {
    for (const [hash, ids] of this.byHash) {
      const kept = ids.map((id) => remap[id] ?? -1).filter((id) => id >= 0);
      if (kept.length === 0) this.byHash.delete(hash);
      else this.byHash.set(hash, kept);
    }
  }
}

/** FNV-1a over UTF-16 code units, folded to 30 bits so keys stay small integers in V8. */
function phraseHash(phrase: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < phrase.length; i++) hash = Math.imul(hash ^ phrase.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & 0x3fffffff;
}
