import type { Descriptor, Identity, Product } from '@quanta/model';
import { descriptorHash } from '../projections/descriptor-hash.js';
import { productGraph } from '../projections/product-graph.js';
import { toSearchDocument } from '../projections/search-document.js';
import type { CatalogDeps } from './deps.js';

/** A finding of the policy check; empty until the semantic layer adds SHACL policies. */
export interface PolicyFinding {
  readonly severity: 'Violation' | 'Warning' | 'Info';
  readonly path: string;
  readonly message: string;
}

/** The result of a registration: what is stored now and whether this call changed it. */
export interface RegisterResult {
  readonly product: Product;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly findings: readonly PolicyFinding[];
}

/**
 * Registers or updates a product: an idempotent upsert keyed by IRI. The graph commit is the
 * point of truth; the search projection follows it, and a failed projection is reported (and
 * repaired by a reindex) rather than undoing a durable write.
 */
export async function registerProduct(deps: CatalogDeps, descriptor: Descriptor, identity: Identity): Promise<RegisterResult> {
  const { product, outcome } = await deps.graph.saveProduct({
    revision: {
      iri: descriptor.id,
      descriptor,
      hash: descriptorHash(descriptor),
      recordedAt: new Date(deps.clock.now()).toISOString(),
      recordedBy: identity.subject,
    },
    graph: productGraph(descriptor),
  });
  if (outcome !== 'unchanged') await project(deps, product);
  return { product, outcome, findings: [] };
}

/** Pushes a product's current revision into the search index; never throws. */
export async function project(deps: CatalogDeps, product: Product): Promise<void> {
  try {
    await deps.search.upsert([toSearchDocument(product)]);
  } catch (error) {
    deps.onProjectionError?.(product.iri, error);
  }
}
