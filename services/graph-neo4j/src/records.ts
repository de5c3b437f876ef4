import type { GraphEdge, GraphNode, RevisionInfo } from '@quanta/core';
import type { Descriptor, Product, ProductRevision, ProductSemantics, ProductStatus } from '@quanta/model';

/**
 * A revision as the queries in `queries.ts` return it. Numbers are plain JS numbers: the driver
 * runs with `disableLosslessIntegers` (revisions and counts are far below 2^53).
 */
export interface RevisionRecord {
  [key: string]: unknown;
  iri: string;
  revision: number;
  hash: string;
  status: string;
  descriptor: string;
  recordedAt: string;
  recordedBy: string;
  semantics: string | null;
}

/** A revision joined with its product's `createdAt`. */
export interface ProductRecord extends RevisionRecord {
  createdAt: string;
}

/** A `:Node` as the queries return it. */
export interface NodeRecord {
  [key: string]: unknown;
  iri: string;
  kind: string;
  label: string;
  stub: boolean;
}

/** One edge followed from a frontier node, with the node at its other end. */
export interface HopRecord {
  [key: string]: unknown;
  from: string;
  type: string;
  to: string;
  other: NodeRecord;
}

/** Maps a revision record to the domain type; the descriptor was validated before it was stored. */
export function toRevision(r: RevisionRecord): ProductRevision {
  return {
    iri: r.iri,
    revision: r.revision,
    descriptor: JSON.parse(r.descriptor) as Descriptor,
    hash: r.hash,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    ...(r.semantics === null ? {} : { semantics: JSON.parse(r.semantics) as ProductSemantics }),
  };
}

export function toProduct(r: ProductRecord): Product {
  return { ...toRevision(r), createdAt: r.createdAt };
}

export function toRevisionInfo(r: RevisionRecord): RevisionInfo {
  return { revision: r.revision, hash: r.hash, status: r.status as ProductStatus, recordedAt: r.recordedAt, recordedBy: r.recordedBy };
}

export function toNode(r: NodeRecord): GraphNode {
  return { iri: r.iri, kind: r.kind as GraphNode['kind'], label: r.label, stub: r.stub };
}

export function toEdge(r: HopRecord): GraphEdge {
  return { from: r.from, type: r.type as GraphEdge['type'], to: r.to };
}
