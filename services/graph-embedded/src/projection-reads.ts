import type { SameAsLink, Page, PageRequest, ProductHead } from '@quanta/core';
import { toNode } from './rows.js';
import type { EquivalenceRow, Statements } from './statements.js';

/** A keyset page of every product's IRI and current revision (`KnowledgeGraph.listProductHeads`). */
export function productHeads(st: Statements, page: PageRequest): Page<ProductHead> {
  // One more than asked tells whether a next page exists without a second query.
  const items = st.productHeads.all(page.after ?? '', page.limit + 1);
  if (items.length <= page.limit) return { items };
  items.length = page.limit;
  return { items, next: items.at(-1)?.iri };
}

/** Each sameAs pair between two concepts once, at most `limit` (`KnowledgeGraph.conceptEquivalences`). */
export function conceptEquivalences(st: Statements, limit: number): { pairs: SameAsLink[]; truncated: boolean } {
  const rows = st.conceptEquivalences.all(limit + 1);
  return { pairs: rows.slice(0, limit).map(toEquivalence), truncated: rows.length > limit };
}

function toEquivalence(r: EquivalenceRow): SameAsLink {
  return {
    from: toNode({ iri: r.from_iri, kind: r.from_kind, label: r.from_label, stub: r.from_stub }),
    to: toNode({ iri: r.to_iri, kind: r.to_kind, label: r.to_label, stub: r.to_stub }),
  };
}
