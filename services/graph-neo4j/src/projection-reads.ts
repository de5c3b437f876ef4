import type { SameAsLink, Page, PageRequest, ProductHead } from '@quanta/core';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import * as q from './queries.js';
import { type NodeRecord, toNode } from './records.js';

const NODE_MAP = (n: string) => `{iri: ${n}.iri, kind: ${n}.kind, label: ${n}.label, stub: ${n}.stub}`;

/**
 * DISTINCT: each product that declares a pair holds its own relationship. The ends' kinds are
 * checked because a reference never overwrites a node: an IRI declared a concept may already name
 * a node of another kind.
 */
const CONCEPT_EQUIVALENCES = `MATCH (a:Node {kind: 'Concept'})-[r:REL]->(b:Node {kind: 'Concept'}) WHERE r.type = 'sameAs'
WITH DISTINCT a, b ORDER BY a.iri, b.iri LIMIT $limit
RETURN ${NODE_MAP('a')} AS from, ${NODE_MAP('b')} AS to`;

/** A keyset page of every product's IRI and current revision (`KnowledgeGraph.listProductHeads`). */
export async function productHeads(tx: ManagedTransaction, page: PageRequest): Promise<Page<ProductHead>> {
  const { where } = q.filterClause({}, page.after === undefined ? [] : ['p.iri > $after']);
  const query = `MATCH (p:Product) ${where} RETURN p.iri AS iri, p.revision AS revision ORDER BY p.iri LIMIT $limit`;
  // One more than asked tells whether a next page exists without a second query.
  const result = await tx.run<{ iri: string; revision: number }>(query, { after: page.after ?? null, limit: neo4j.int(page.limit + 1) });
  const items = result.records.slice(0, page.limit).map((r) => r.toObject());
  return result.records.length > page.limit ? { items, next: items.at(-1)?.iri } : { items };
}

/** Each sameAs pair between two concepts once, at most `limit` (`KnowledgeGraph.conceptEquivalences`). */
export async function conceptEquivalences(tx: ManagedTransaction, limit: number): Promise<{ pairs: SameAsLink[]; truncated: boolean }> {
  const result = await tx.run<{ from: NodeRecord; to: NodeRecord }>(CONCEPT_EQUIVALENCES, { limit: neo4j.int(limit + 1) });
  const pairs = result.records.slice(0, limit).map((r) => ({ from: toNode(r.get('from')), to: toNode(r.get('to')) }));
  return { pairs, truncated: result.records.length > limit };
}
