import type { Descriptor, PortKind, ProductStatus } from './descriptor.js';
import type { Iri } from './iri.js';
import type { ProductSemantics } from './semantics.js';

/** One stored revision of a product. Revisions are immutable; each change appends one. */
export interface ProductRevision {
  readonly iri: Iri;
  /** 1 for the first registration, +1 for every change. */
  readonly revision: number;
  readonly descriptor: Descriptor;
  /** SHA-256 of the canonical descriptor: equal hashes mean nothing changed. */
  readonly hash: string;
  /** ISO 8601 instant the revision was stored. */
  readonly recordedAt: string;
  /** Subject of the identity that stored it. */
  readonly recordedBy: string;
  /** What the semantic layer derived: policy findings, concepts, equivalences. Absent on revisions stored before it ran. */
  readonly semantics?: ProductSemantics;
}

/** A product as currently known: its latest revision plus when it was first registered. */
export interface Product extends ProductRevision {
  readonly createdAt: string;
}

/** What a list or a search hit shows of a product. */
export interface ProductSummary {
  readonly iri: Iri;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly domain: string;
  readonly owner: string;
  readonly status: ProductStatus;
  readonly tags: readonly string[];
  readonly portKinds: readonly PortKind[];
  readonly revision: number;
  readonly updatedAt: string;
}

/** Summary of a product for lists and hits. */
export function summarize(product: Product): ProductSummary {
  const d = product.descriptor;
  return {
    iri: product.iri,
    name: d.name,
    title: d.title ?? d.name,
    description: d.description ?? '',
    domain: d.domain,
    owner: d.owner.team,
    status: d.status,
    tags: d.tags ?? [],
    portKinds: [...new Set((d.outputPorts ?? []).map((p) => p.kind))],
    revision: product.revision,
    updatedAt: product.recordedAt,
  };
}
