import type { DocumentTable } from '../store/document-table.js';
import type { DocFilter } from './doc-filter.js';

/** Whether a document may be matched at all: live, and passing the request's filters. */
export interface Admission {
  admits(docId: number): boolean;
}

/** Admission evaluated per document, for filters that cannot have a cached universe. */
export class FilterAdmission implements Admission {
  constructor(
    private readonly documents: DocumentTable,
    private readonly filter: DocFilter,
  ) {}

  admits(docId: number): boolean {
    return this.documents.isLive(docId) && this.filter.accepts(docId);
  }
}
