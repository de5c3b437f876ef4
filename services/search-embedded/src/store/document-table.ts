import type { SearchDocument } from '@quanta/core';
import type { Iri } from '@quanta/model';
import { NAME_KEY_CHARS, nameSortKey } from '../text/name-sort-key.js';
import { ensureCapacity } from '../typed-arrays.js';

/**
 * The stored documents by internal id, and the IRI to id map. Ids are dense integers that index
 * every typed-array column; a replaced or removed document leaves its id dead (a tombstone) until
 * {@link DocumentTable.compact} renumbers the live ones.
 */
export class DocumentTable {
  private documents: (SearchDocument | undefined)[] = [];
  private readonly ids = new Map<Iri, number>();
  private live = new Uint8Array(1024);
  private nameHeadKeys = new Float64Array(1024);
  private nameTailKeys = new Float64Array(1024);

  /** The id the next added document gets; every id below it is live or dead. */
  get nextId(): number {
    return this.documents.length;
  }

  /** Number of live documents. */
  get liveCount(): number {
    return this.ids.size;
  }

  /** Number of dead ids waiting for compaction. */
  get deadCount(): number {
    return this.documents.length - this.ids.size;
  }

  /** The id of the live document with this IRI, or -1. */
  idOf(iri: Iri): number {
    return this.ids.get(iri) ?? -1;
  }

  /** True when `docId` holds a live document. */
  isLive(docId: number): boolean {
    return this.live[docId] === 1;
  }

  /** The live document with id `docId`, if any. */
  documentOf(docId: number): SearchDocument | undefined {
    return this.documents[docId];
  }

  /**
   * `limit` live documents from the `offset`-th, in id order: an order that only writes change,
   * and compaction keeps.
   */
  liveSlice(offset: number, limit: number): SearchDocument[] {
    const slice: SearchDocument[] = [];
    let skipped = 0;
    for (const document of this.documents) {
      if (slice.length >= limit) break;
      if (document === undefined) continue;
      if (skipped < offset) skipped++;
      else slice.push(document);
    }
    return slice;
  }

  /** Every id's {@link nameSortKey} (dead ids included): the primary key of name order. */
  get nameKeys(): Float64Array {
    return this.nameHeadKeys;
  }

  /** The {@link nameSortKey} of the characters after the head, for heads that tie. */
  nameTailKeyOf(docId: number): number {
    return this.nameTailKeys[docId] ?? 0;
  }

  /** Stores a document under a fresh id; any live document with its IRI must be removed first. */
  add(document: SearchDocument): number {
    const id = this.documents.length;
    this.documents.push(document);
    this.ids.set(document.iri, id);
    this.live = ensureCapacity(this.live, id + 1);
    this.nameHeadKeys = ensureCapacity(this.nameHeadKeys, id + 1);
    this.nameTailKeys = ensureCapacity(this.nameTailKeys, id + 1);
    this.live[id] = 1;
    this.nameHeadKeys[id] = nameSortKey(document.name);
    this.nameTailKeys[id] = nameSortKey(document.name, NAME_KEY_CHARS);
    return id;
  }

  /** Kills the document's id and returns what it held. */
  remove(docId: number): SearchDocument | undefined {
    const document = this.documents[docId];
    if (document === undefined) return undefined;
    this.documents[docId] = undefined;
    this.live[docId] = 0;
    this.ids.delete(document.iri);
    return document;
  }

  /**
   * Renumbers the live documents densely in their current order and returns the map from old id
   * to new id (-1 for dead ones), which every other column then applies.
   */
  compact(): Int32Array {
    const remap = new Int32Array(this.documents.length).fill(-1);
    const kept: SearchDocument[] = [];
    this.documents.forEach((document, old) => {
      if (document === undefined) return;
      remap[old] = kept.length;
      this.live[kept.length] = 1;
      this.nameHeadKeys[kept.length] = this.nameHeadKeys[old] ?? 0;
      this.nameTailKeys[kept.length] = this.nameTailKeys[old] ?? 0;
      this.ids.set(document.iri, kept.length);
      kept.push(document);
    });
    this.live.fill(0, kept.length);
    this.documents = kept;
    return remap;
  }
}
