import { ConflictError, type Descriptor, type Identity, type Iri, type Product } from '@quanta/model';
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

/** How a descriptor was stated. */
export interface RegisterOptions {
  /** False when the descriptor left `status` out: an existing product then keeps its status. */
  readonly statusDeclared: boolean;
}

/** Concurrent writers of one product retry their compare-and-set this many times. */
const ATTEMPTS = 5;

/**
 * Registers or updates a product: an idempotent upsert keyed by IRI. A descriptor that leaves
 * `status` out keeps the stored status.
 */
export function registerProduct(
  deps: CatalogDeps,
  descriptor: Descriptor,
  identity: Identity,
  options: RegisterOptions = { statusDeclared: true },
): Promise<RegisterResult> {
  return saveLatest(deps, descriptor.id, identity, (current) =>
    options.statusDeclared || !current ? descriptor : { ...descriptor, status: current.descriptor.status },
  );
}

/**
 * The one write path of the catalog: read the current revision, build the next descriptor from
 * it, and save only if it is still current (compare-and-set). When a concurrent change wins, read
 * and build again, so no change is ever overwritten by one derived from an older revision. The
 * graph commit is the point of truth; the search projection follows it, and a failed projection
 * is reported (a retry or a reindex repairs it) rather than undoing a durable write.
 */
export async function saveLatest(
  deps: CatalogDeps,
  iri: Iri,
  identity: Identity,
  build: (current: Product | undefined) => Descriptor,
): Promise<RegisterResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.graph.getProduct(iri);
    const next = build(current);
    try {
      const { product, outcome } = await deps.graph.saveProduct({
        revision: {
          iri: next.id,
          descriptor: next,
          hash: descriptorHash(next),
          recordedAt: new Date(deps.clock.now()).toISOString(),
          recordedBy: identity.subject,
        },
        graph: productGraph(next),
        expectedRevision: current?.revision ?? 0,
      });
      // Projected even when unchanged: a retry then repairs a projection that failed before.
      await project(deps, product);
      return { product, outcome, findings: [] };
    } catch (error) {
      const lostRace = error instanceof ConflictError && (await deps.graph.getProduct(iri))?.revision !== current?.revision;
      if (!lostRace || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Runs every derivation a registration runs, storing nothing: what `validate` answers with.
 * @returns the policy findings (none until the semantic layer)
 */
export function checkDescriptor(descriptor: Descriptor): readonly PolicyFinding[] {
  productGraph(descriptor);
  toSearchDocument({ iri: descriptor.id, revision: 1, descriptor, hash: descriptorHash(descriptor), recordedAt: '', recordedBy: '', createdAt: '' });
  return [];
}

/** Pushes a product's current revision into the search index; never throws. */
export async function project(deps: CatalogDeps, product: Product): Promise<void> {
  try {
    await deps.search.upsert([toSearchDocument(product)]);
  } catch (error) {
    deps.onProjectionError?.(product.iri, error);
  }
}
