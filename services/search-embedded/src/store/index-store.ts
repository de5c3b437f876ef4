import type { SearchDocument } from '@quanta/core';
import type { Iri } from '@quanta/model';
import { TermDictionary } from '../terms/term-dictionary.js';
import { type TokenVisitor, forEachToken } from '../text/tokenize.js';
import { ensureCapacity } from '../typed-arrays.js';
import { DocumentTable } from './document-table.js';
import { ExactKeys } from './exact-keys.js';
import { FacetTable } from './facet-table.js';
import { SEARCHABLE_FIELDS } from './fields.js';
import { MAX_DOC_ID, PostingLists } from './posting-lists.js';
import { UniverseCache } from './universe-cache.js';

/** When dead ids pass this share of live ones, the next write compacts. */
const COMPACTION_RATIO = 0.25;
/** ... but never for fewer dead ids than this: compaction is O(postings), tombstones are cheap. */
const COMPACTION_MIN_DEAD = 4096;

/**
 * Everything the index holds, kept consistent on every write: stored documents, the term
 * dictionary, posting lists, facet columns and exact-match keys. Writes are incremental: an upsert
 * tokenises one document and appends its postings (tens of microseconds); a replaced document's
 * old postings become stale and are dropped by a compaction once they are numerous enough.
 */
export class IndexStore {
  /** Every indexed word and the trie over them. */
  readonly terms = new TermDictionary();
  /** One posting list per term. */
  readonly postings = new PostingLists();
  /** The stored documents by internal id. */
  readonly documents = new DocumentTable();
  /** Facet values by internal id. */
  readonly facets = new FacetTable();
  /** Documents by exact name, title or IRI phrase. */
  readonly exact = new ExactKeys();
  /** The documents each filter in use admits, with their facet counts, kept current on writes. */
  readonly universes = new UniverseCache(this.facets, this.documents);
  /** Field mask per term id of the document being indexed, and the ids set: reused scratch. */
  private fieldsByTerm = new Uint8Array(1024);
  private readonly termsOfDoc: number[] = [];
  /** One token visitor per searchable field, made once: indexing calls them ~70 times a document. */
  private readonly fieldVisitors: readonly TokenVisitor[] = SEARCHABLE_FIELDS.map(
    (_, bit) => (source, start, end) => this.markTerm(this.terms.intern(source, start, end), 1 << bit),
  );

  /**
   * Adds `document`, replacing any document with its IRI, unless the held one is a newer
   * revision: projections may arrive out of order, and an old one must never win.
   */
  upsert(document: SearchDocument): void {
    const held = this.documents.documentOf(this.documents.idOf(document.iri));
    if (held !== undefined && held.revision > document.revision) return;
    this.remove(document.iri);
    const docId = this.documents.add(document);
    this.indexTerms(docId, document);
    this.facets.set(docId, document);
    this.exact.add(docId, document);
    this.universes.added(docId);
    this.compactWhenWorthIt();
  }

  /** Removes the document with this IRI, if held. */
  remove(iri: Iri): void {
    const docId = this.documents.idOf(iri);
    if (docId < 0) return;
    this.universes.removed(docId);
    const document = this.documents.remove(docId);
    if (document !== undefined) this.exact.remove(docId, document);
  }

  /** Renumbers live documents densely and drops every stale posting. */
  compact(): void {
    const remap = this.documents.compact();
    this.postings.compact(remap);
    this.facets.compact(remap);
    this.exact.compact(remap);
    this.universes.clear();
  }

  private compactWhenWorthIt(): void {
    const dead = this.documents.deadCount;
    const crowded = dead >= COMPACTION_MIN_DEAD && dead >= COMPACTION_RATIO * this.documents.liveCount;
    if (crowded || this.documents.nextId >= MAX_DOC_ID) this.compact();
  }

  private indexTerms(docId: number, document: SearchDocument): void {
    SEARCHABLE_FIELDS.forEach((field, bit) => {
      const visit = this.fieldVisitors[bit];
      if (visit !== undefined) for (const text of field.text(document)) forEachToken(text, visit);
    });
    for (const termId of this.termsOfDoc) {
      this.postings.append(termId, docId, this.fieldsByTerm[termId] ?? 0);
      this.fieldsByTerm[termId] = 0;
    }
    this.termsOfDoc.length = 0;
  }

  /** Records that the document being indexed has term `termId` in the fields of `fields`. */
  private markTerm(termId: number, fields: number): void {
    this.fieldsByTerm = ensureCapacity(this.fieldsByTerm, termId + 1);
    const known = this.fieldsByTerm[termId] ?? 0;
    if (known === 0) this.termsOfDoc.push(termId);
    this.fieldsByTerm[termId] = known | fields;
  }
}
