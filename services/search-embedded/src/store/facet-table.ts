import type { SearchDocument } from '@quanta/core';
import { FACETS, type FacetName } from '@quanta/model';
import type { FacetColumn } from './facet-column.js';
import { MultiValueColumn } from './multi-value-column.js';
import { SingleValueColumn } from './single-value-column.js';

/** Where each facet's values come from in a search document. */
const FACET_VALUES: Readonly<Record<FacetName, (document: SearchDocument) => readonly string[]>> = {
  domain: (d) => [d.domain],
  owner: (d) => [d.owner],
  status: (d) => [d.status],
  tag: (d) => d.tags,
  portKind: (d) => d.portKinds,
};

const MULTI_VALUED: ReadonlySet<FacetName> = new Set(['tag', 'portKind']);

/** One column per facet, filled from each document as it is indexed. */
export class FacetTable {
  /** The column of each facet. */
  readonly columns: Readonly<Record<FacetName, FacetColumn>> = createColumns();

  /** Records the facet values of `document` under `docId`. */
  set(docId: number, document: SearchDocument): void {
    for (const facet of FACETS) this.columns[facet].set(docId, FACET_VALUES[facet](document));
  }

  /** Moves every kept document to its new id (see {@link FacetColumn.compact}). */
  compact(remap: Int32Array): void {
    for (const facet of FACETS) this.columns[facet].compact(remap);
  }
}

function createColumns(): Record<FacetName, FacetColumn> {
  const entries = FACETS.map((facet) => [facet, MULTI_VALUED.has(facet) ? new MultiValueColumn() : new SingleValueColumn()]);
  return Object.fromEntries(entries) as Record<FacetName, FacetColumn>;
}
