import { ConflictError, type Descriptor, type Identity, type Iri, type PolicyFinding, type Product, type ProductSemantics } from '@quanta/model';
import { revisionHash } from '../projections/descriptor-hash.js';
import { productGraph } from '../projections/product-graph.js';
import { analyzeProduct } from './analyze-product.js';
import { requireOwner } from './authorization.js';
import type { CatalogDeps } from './deps.js';

/** The result of a registration: what is stored now and whether this call changed it. */
export interface RegisterResult {
  readonly product: Product;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  /** The policy findings of the stored revision (Warnings and Infos: a Violation stores nothing). */
  readonly findings: readonly PolicyFinding[];
}

/** What one revision stores: the descriptor and what the semantic layer derived from it. */
export interface RevisionContent {
  readonly descriptor: Descriptor;
  readonly semantics?: ProductSemantics;
}

/** How a descriptor was stated. */
export interface RegisterOptions {
  /** False when the descriptor left `status` out: an existing product then keeps its status. */
  readonly statusDeclared: boolean;
}

/** Concurrent writers of one product retry their compare-and-set this many times. */
const ATTEMPTS = 5;

/**
 * Registers or updates a product: an idempotent upsert keyed by IRI, after the semantic layer's
 * checks (DESIGN.md §4: schema at the edge → JSON-LD with the pinned loader → SHACL policies).
 * A descriptor that leaves `status` out keeps the stored status. Only the product's owner team
 * (or an admin) registers it, and only the team that owns it now changes it.
 * @throws ForbiddenError when the caller does not own the product (checked before any analysis)
 * @throws ValidationError / PolicyViolationError, storing nothing
 */
export async function registerProduct(
  deps: CatalogDeps,
  descriptor: Descriptor,
  identity: Identity,
  options: RegisterOptions = { statusDeclared: true },
): Promise<RegisterResult> {
  requireOwner(identity, descriptor.owner.team, `register ${descriptor.id} for team ${descriptor.owner.team}`);
  const existing = await deps.graph.getProduct(descriptor.id);
  if (existing) requireOwner(identity, existing.descriptor.owner.team, `change ${descriptor.id}`);
  const semantics = await analyzeProduct(deps, descriptor);
  return saveLatest(deps, descriptor.id, identity, (current) => {
    // Checked again on the revision the save replaces: ownership may have moved meanwhile.
    if (current) requireOwner(identity, current.descriptor.owner.team, `change ${descriptor.id}`);
    return {
      descriptor: options.statusDeclared || !current ? descriptor : { ...descriptor, status: current.descriptor.status },
      semantics,
    };
  });
}

/**
 * The one write path of the catalog: read the current revision, build the next descriptor from
 * it, and save only if it is still current (compare-and-set). When a concurrent change wins, read
 * and build again, so no change is ever overwritten by one derived from an older revision. The
 * graph commit, with its search outbox entry, is the point of truth: the projector makes it
 * searchable, waited for only while the engine is healthy (ADR 0014), so a search engine that is
 * down never fails a durable write.
 */
export async function saveLatest(
  deps: CatalogDeps,
  iri: Iri,
  identity: Identity,
  build: (current: Product | undefined) => RevisionContent,
): Promise<RegisterResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.graph.getProduct(iri);
    const { descriptor: next, semantics } = build(current);
    try {
      const { product, outcome } = await deps.graph.saveProduct({
        revision: {
          iri: next.id,
          descriptor: next,
          hash: revisionHash(next, semantics?.modelHash),
          recordedAt: new Date(deps.clock.now()).toISOString(),
          recordedBy: identity.subject,
          ...(semantics ? { semantics } : {}),
        },
        graph: productGraph(next, semantics),
        expectedRevision: current?.revision ?? 0,
      });
      await project(deps, product, outcome !== 'unchanged');
      return { product, outcome, findings: product.semantics?.findings ?? [] };
    } catch (error) {
      const lostRace = error instanceof ConflictError && (await deps.graph.getProduct(iri))?.revision !== current?.revision;
      if (!lostRace || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Runs every check a registration runs, storing nothing: what `validate` answers.
 * @returns the policy findings (Warnings and Infos)
 * @throws ValidationError / PolicyViolationError as a registration would
 */
export async function checkDescriptor(deps: CatalogDeps, descriptor: Descriptor): Promise<readonly PolicyFinding[]> {
  return (await analyzeProduct(deps, descriptor)).findings;
}

/** How long a write waits for search when the catalog does not say (DESIGN.md §9: durable first, searchable soon). */
export const SEARCH_WAIT_MS = 1000;

/**
 * Brings the in-process projections up to a product's current revision: its feedback, the
 * duplicate groups, and (through the outbox the save filled) the search index; never throws.
 */
async function project(deps: CatalogDeps, product: Product, changed: boolean): Promise<void> {
  try {
    // A new status (deprecated) or new SLOs change the product's factors.
    await deps.feedback?.refresh(product);
    // Just after the response: a group's canonical is chosen by the members' current feedback.
    deps.insights?.enqueue(product.iri);
  } catch (error) {
    deps.onProjectionError?.(product.iri, error);
  }
  if (changed) await deps.projector?.projectSoon(deps.searchWaitMs ?? SEARCH_WAIT_MS);
}
