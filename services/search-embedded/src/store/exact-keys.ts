import type { SearchDocument } from '@quanta/core';
import { forEachToken, tokenize } from '../text/tokenize.js';

/**
 * The phrase a whole query must equal, after normalisation, to be an exact match of a product's
 * name, title or IRI. Tokenising both sides makes `play-events`, `Play events` and `play events`
 * the same phrase, and an IRI typed or pasted whole equal to the product's IRI.
 */
export function exactPhrase(text: string): string {
  return tokenize(text).join(' ');
}

/** The texts a query must equal (as a phrase) to be an exact match: name, title and IRI. */
const exactTexts = (document: SearchDocument): string[] => [document.name, document.title, document.iri];

/**
 * Documents by exact-match phrase. Keys are 30-bit hashes of the phrases, computed from the
 * tokens as they are scanned, rather than the phrases (three more strings per product and a join
 * per upsert); a lookup re-checks its candidates' phrases, so a hash collision costs a comparison,
 * never a wrong match.
 */
export class ExactKeys {
  private readonly byHash = new Map<number, number[]>();

  /** Indexes `document` under its phrases. */
  add(docId: number, document: SearchDocument): void {
    for (const hash of phraseHashesOf(document)) {
      const ids = this.byHash.get(hash);
      if (ids === undefined) this.byHash.set(hash, [docId]);
      else ids.push(docId);
    }
  }

  /** Forgets `document`, indexed before under `docId`. */
  remove(docId: number, document: SearchDocument): void {
    for (const hash of phraseHashesOf(document)) {
      const kept = (this.byHash.get(hash) ?? []).filter((id) => id !== docId);
      if (kept.length === 0) this.byHash.delete(hash);
      else this.byHash.set(hash, kept);
    }
  }

  /** Ids whose name, title or IRI is, as a phrase, the text `query`, given a way to read them. */
  lookup(query: string, documentOf: (docId: number) => SearchDocument | undefined): number[] {
    const phrase = exactPhrase(query);
    const ids = phrase.length === 0 ? [] : (this.byHash.get(phraseHash(query)) ?? []);
    return ids.filter((id) => {
      const document = documentOf(id);
      return document !== undefined && exactTexts(document).some((text) => exactPhrase(text) === phrase);
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

/** The distinct phrase hashes of a document's non-empty name, title and IRI. */
function phraseHashesOf(document: SearchDocument): Set<number> {
  const hashes = new Set<number>();
  for (const text of exactTexts(document)) {
    const hash = phraseHash(text);
    if (hash !== EMPTY_PHRASE) hashes.add(hash);
  }
  return hashes;
}

const SPACE = 0x20;
const FNV_OFFSET = 0x811c9dc5;
const EMPTY_PHRASE = -1;

/**
 * FNV-1a over the tokens of `text` joined by single spaces, i.e. over {@link exactPhrase} without
 * building it, folded to 30 bits so keys stay small integers in V8; {@link EMPTY_PHRASE} when the
 * text has no token.
 */
function phraseHash(text: string): number {
  let hash = FNV_OFFSET;
  let tokens = 0;
  forEachToken(text, (source, start, end) => {
    if (tokens++ > 0) hash = Math.imul(hash ^ SPACE, 0x01000193);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  });
  return tokens === 0 ? EMPTY_PHRASE : (hash >>> 0) & 0x3fffffff;
}
