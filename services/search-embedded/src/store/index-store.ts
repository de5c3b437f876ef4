import type { SearchDocument } from '@quanta/core';
import type { Iri } from '@quanta/model';
import { TermDictionary } from '../terms/term-dictionary.js';
import { tokenize } from '../text/tokenize.js';
import { DocumentTable } from './document-table.js';
import { ExactKeys } from './exact-keys.js';
import { FacetTable } from './facet-table.js';
import { FacetTotals } from './facet-totals.js';
import { SEARCHABLE_FIELDS } from './fields.js';
import { MAX_DOC_ID, PostingLists } from './posting-lists.js';

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
  /** Facet counts over the filtered universes in use, kept current on every write. */
  readonly totals = new FacetTotals(this.facets, this.documents);
  /** Field mask per term of the document being indexed; reused so indexing allocates little. */
  private readonly fieldsByTerm = new Map<number, number>();

  /** Adds `document`, replacing any document with its IRI. */
  upsert(document: SearchDocument): void {
    this.remove(document.iri);
    const docId = this.documents.add(document);
    this.indexTerms(docId, document);
    this.facets.set(docId, document);
    this.exact.add(docId, document);
    this.totals.added(docId);
    this.compactWhenWorthIt();
  }

  /** Removes the document with this IRI, if held. */
  remove(iri: Iri): void {
    const docId = this.documents.idOf(iri);
    if (docId < 0) return;
    this.totals.removed(docId);
    const document = this.documents.remove(docId);
    if (document !== undefined) this.exact.remove(docId, document);
  }

  /** Renumbers live documents densely and drops every stale posting. */
  compact(): void {
    const remap = this.documents.compact();
    this.postings.compact(remap);
    this.facets.compact(remap);
    this.exact.compact(remap);
  }

  private compactWhenWorthIt(): void {
    const dead = this.documents.deadCount;
    const crowded = dead >= COMPACTION_MIN_DEAD && dead >= COMPACTION_RATIO * this.documents.liveCount;
    if (crowded || this.documents.nextId >= MAX_DOC_ID) this.compact();
  }

  private indexTerms(docId: number, document: SearchDocument): void {
    const fieldsByTerm = this.fieldsByTerm;
    SEARCHABLE_FIELDS.forEach((field, bit) => {
      for (const text of field.text(document)) {
        for (const token of tokenize(text)) {
          const termId = this.terms.intern(token);
          fieldsByTerm.set(termId, (fieldsByTerm.get(termId) ?? 0) | (1 << bit));
        }
      }
    });
    for (const [termId, fields] of fieldsByTerm) this.postings.append(termId, docId, fields);
    fieldsByTerm.clear();
  }
}
