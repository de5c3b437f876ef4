import type { GraphNode, RevisionInfo } from '@quanta/core';
import type { Descriptor, Product, ProductRevision, ProductSemantics, ProductStatus } from '@quanta/model';

/** A `revisions` row as SQLite returns it. */
export interface RevisionRow {
  iri: string;
  revision: number;
  hash: string;
  status: string;
  descriptor: string;
  recorded_at: string;
  recorded_by: string;
  semantics: string | null;
}

/** A `revisions` row joined with its product's `created_at`. */
export interface ProductRow extends RevisionRow {
  created_at: string;
}

/** A `nodes` row. */
export interface NodeRow {
  iri: string;
  kind: string;
  label: string;
  stub: number;
}

/** Maps a revision row to the domain type; the descriptor was validated before it was stored. */
export function toRevision(row: RevisionRow): ProductRevision {
  return {
    iri: row.iri,
    revision: row.revision,
    descriptor: JSON.parse(row.descriptor) as Descriptor,
    hash: row.hash,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    ...(row.semantics === null ? {} : { semantics: JSON.parse(row.semantics) as ProductSemantics }),
  };
}

export function toProduct(row: ProductRow): Product {
  return { ...toRevision(row), createdAt: row.created_at };
}

export function toRevisionInfo(row: RevisionRow): RevisionInfo {
  return {
    revision: row.revision,
    hash: row.hash,
    status: row.status as ProductStatus,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export function toNode(row: NodeRow): GraphNode {
  return { iri: row.iri, kind: row.kind as GraphNode['kind'], label: row.label, stub: row.stub === 1 };
}
