import type { Descriptor, DuplicateVerdictInput, Identity, Iri, RatingInput, RatingReviewInput, RdfFormat, SloCheckInput, TokenInput, UsageInput } from '@quanta/model';
import type { ProductFilter } from './ports/knowledge-graph.js';
import { exportProduct } from './use-cases/analyze-product.js';
import { ingestLineageBatch, ingestLineageEvent } from './use-cases/ingest-lineage.js';
import { getRun, lineageAround, productLineage } from './use-cases/read-lineage.js';
import { productsAbout } from './use-cases/concept-products.js';
import { decideDuplicate } from './use-cases/decide-duplicate.js';
import { duplicatesReport, insightsOf, type ReportFilter } from './use-cases/duplicates-report.js';
import type { CatalogDeps } from './use-cases/deps.js';
import { authenticateToken, createToken, ensureAdminToken, firstAdminToken, hasActiveAdmin, listTokens, requireAdmin, revokeToken } from './use-cases/identities.js';
import { getProduct, getRevision, listProducts, listRevisions } from './use-cases/read-products.js';
import { checkDescriptor, registerProduct, type RegisterOptions } from './use-cases/register-product.js';
import { type ProgressListener, reindex } from './use-cases/reindex.js';
import { rateProduct, recordSloChecks, recordUsage } from './use-cases/record-signals.js';
import { ratingBursts, reviewRatings } from './use-cases/rating-review.js';
import { retireProduct } from './use-cases/retire-product.js';
import { type SearchParams, searchProducts } from './use-cases/search-products.js';
import { usageReport, type UsageReportQuery } from './use-cases/usage-report.js';
import { meshReport } from './use-cases/mesh-report.js';
import { detectDuplicates } from './use-cases/detect-duplicates.js';
import { readFeedback } from './use-cases/read-feedback.js';
import { entityModelReader } from './use-cases/entity-model.js';
import { reconcile } from './search/reconcile.js';
import { SearchProjector } from './search/search-projector.js';
import { SynonymSync } from './search/synonyms.js';

/**
 * The catalog's use cases bound to their ports: what every transport (REST, GraphQL, CLI) calls.
 *
 * @example
 * const catalog = createCatalog({ graph, search, clock: systemClock });
 * await catalog.register(parseDescriptor(body), identity);
 */
export function createCatalog(given: CatalogDeps) {
  const projector = given.projector ?? new SearchProjector(given.graph, given.search, given.clock, { ...(given.onProjectionError && { onProjectionError: given.onProjectionError }) });
  const synonyms = given.synonyms ?? new SynonymSync(given.graph, given.search);
  const deps: CatalogDeps = { ...given, projector, synonyms };
  keepSynonyms(deps, projector, synonyms);
  const entityModel = entityModelReader(deps);
  return {
    register: (descriptor: Descriptor, identity: Identity, options?: RegisterOptions) => registerProduct(deps, descriptor, identity, options),
    /** Every check a registration runs, storing nothing. */
    validate: async (descriptor: Descriptor) => ({ findings: await checkDescriptor(deps, descriptor) }),
    retire: (iri: Iri, identity: Identity) => retireProduct(deps, iri, identity),
    get: (iri: Iri) => getProduct(deps, iri),
    /** Many products in one read, in the order asked, undefined where none is registered. */
    getMany: (iris: readonly Iri[]) => deps.graph.getProducts(iris),
    getRevision: (iri: Iri, revision: number) => getRevision(deps, iri, revision),
    revisions: (iri: Iri) => listRevisions(deps, iri),
    list: (filter: ProductFilter, page: { after?: Iri; limit: number }) => listProducts(deps, filter, page),
    search: (params: SearchParams) => searchProducts(deps, params),
    /** "Which products speak about this concept", following sameAs/exactMatch. */
    productsAbout: (concept: Iri) => productsAbout(deps, concept),
    /** A product as DCAT/DPROD RDF (JSON-LD or Turtle), with its semantic model. */
    exportProduct: async (iri: Iri, format: RdfFormat) => exportProduct(deps, await getProduct(deps, iri), format),
    /** The product's semantic model as entities, attributes, relations and matches: the UI's entity diagram. */
    entityModel,
    reindex: (onProgress?: ProgressListener, options?: { inPlace?: boolean }) => reindex(deps, onProgress, options),
    /** Compares the index with the graph; repairs what differs through the outbox unless `repair` is false. */
    reconcile: async (options?: { repair?: boolean }) => {
      const report = await reconcile(deps.graph, deps.search, deps.clock, options);
      if (report.repaired) projector.wake();
      return report;
    },
    /** Rereads the graph's `sameAs` links into the index's synonyms (written only when they changed). */
    refreshSynonyms: ({ force = false } = {}) => {
      if (force) synonyms.invalidate();
      return synonyms.refresh();
    },
    /** The outbox's projector: its health, waits for it to drain (tests, benches), lag listeners. */
    projector,
    /** How far search is behind the graph: waiting products, the oldest one's age, the projector's health. */
    searchLag: async () => {
      const { pending, oldestEnqueuedAt } = await deps.graph.outboxStatus();
      const lagSeconds = oldestEnqueuedAt === undefined ? 0 : Math.max(0, (deps.clock.now() - Date.parse(oldestEnqueuedAt)) / 1000);
      return { pending, lagSeconds, ...projector.status };
    },
    /** Feedback multiplier, factors, ratings, usage and SLO status of many products, from the projection. */
    feedbackOf: (iris: readonly Iri[]) => readFeedback(deps, iris),
    /** Usage reports, all or none (every product registered, each the caller's to make), each stored once. */
    recordUsage: (inputs: readonly UsageInput[], identity: Identity) => recordUsage(deps, inputs, identity),
    /** A consumer's current rating of a product, set by that consumer. */
    rate: (product: Iri, consumer: Iri, input: RatingInput, identity: Identity) => rateProduct(deps, product, consumer, input, identity),
    /** SLO check results against the product's declared SLOs, all or none, from its owner team. */
    recordSloChecks: (product: Iri, inputs: readonly SloCheckInput[], pointerOf: (index: number) => string, identity: Identity) =>
      recordSloChecks(deps, product, inputs, pointerOf, identity),
    /** Duplicate groups, canonicals, evidence, nudges and overrides of products in scope. */
    duplicatesReport: (filter: ReportFilter) => duplicatesReport(deps, filter),
    /** The duplicate group and retirement flag of many products (once the first duplicate run ended). */
    insightsOf: (iris: readonly Iri[]) => insightsOf(deps, iris),
    /** Consumers by domain, weekly trend, new and lost consumers, satisfaction and SLO compliance of live products in scope. */
    usageReport: (query: UsageReportQuery, identity: Identity) => usageReport(deps, query, identity),
    /** The mesh as a whole: interconnections over time, god products, the balancing loop's health. */
    meshReport: () => meshReport(deps),
    /** Runs duplicate detection, retirement flags and nudges over the whole mesh now. */
    detectDuplicates: () => detectDuplicates(deps),
    /** Serial-voting bursts in the current ratings, and the reviews so far (admins). */
    ratingBursts: (identity: Identity) => ratingBursts(deps, identity),
    /** An admin voids a consumer's ratings of one team's products, or restores them; audited. */
    reviewRatings: (input: RatingReviewInput, identity: Identity) => reviewRatings(deps, input, identity),
    /** An owner's verdict on a pair: "not a duplicate" (with a reason), or withdrawing it. */
    decideDuplicate: (iri: Iri, other: Iri, input: DuplicateVerdictInput, identity: Identity) => decideDuplicate(deps, iri, other, input, identity),
    /** One OpenLineage event, validated against the official schemas, stored once, merged into the graph. */
    ingestLineage: (raw: unknown) => ingestLineageEvent(deps, raw),
    /** Many events in one transaction; each invalid or conflicting one is reported by index. */
    ingestLineageBatch: (raws: readonly unknown[]) => ingestLineageBatch(deps, raws),
    /** Datasets and jobs around a dataset or job, `depth` hops of reads and writes both ways. */
    lineageAround: (start: Iri, depth: number) => lineageAround(deps, start, depth),
    /** Products upstream and/or downstream of a product. */
    productLineage: (iri: Iri, direction: 'upstream' | 'downstream' | 'both', depth: number) => productLineage(deps, iri, direction, depth),
    /** Datasets and jobs as lineage knows them, in one read; unknown IRIs are left out. */
    lineageNodes: (iris: readonly Iri[]) => deps.graph.lineageNodes(iris),
    /** The one-hop links into (`upstream`) or out of (`downstream`) each of many products, in one read. */
    productLinks: (iris: readonly Iri[], direction: 'upstream' | 'downstream') => deps.graph.productLinks(iris, direction),
    /** A run's state and events. */
    getRun: (runId: string) => getRun(deps, runId),
    /** API tokens (ADR 0016): created, listed and revoked by admins; secrets shown once. */
    tokens: {
      create: (input: TokenInput, by: Identity) => createToken(deps, input, by),
      list: (by: Identity) => listTokens(deps, by),
      revoke: (id: string, by: Identity) => revokeToken(deps, id, by),
      /** The identity a bearer secret stands for; throws UnauthenticatedError when it stands for none. */
      authenticate: (secret: string) => authenticateToken(deps, secret),
      /** Stores the operator's `QUANTA_ADMIN_TOKEN` as an admin token, once. */
      ensureAdmin: (secret: string) => ensureAdminToken(deps, secret),
      /** A first admin's secret when no token exists yet (development's first start), else undefined. */
      firstAdmin: () => firstAdminToken(deps),
      /** Whether an admin token works now: production refuses to start without one. */
      hasActiveAdmin: () => hasActiveAdmin(deps),
      /** Throws unless `by` is an admin (401 anonymous, 403 others): before a body is read. */
      requireAdmin: (by: Identity, what: string) => requireAdmin(by, what),
    },
    /** Throws when a backend is unreachable; used by readiness checks. */
    ping: async () => {
      await Promise.all([deps.graph.ping(), deps.search.ping()]);
    },
    /** Throws when the graph, the source of truth, is unreachable: without it nothing can be served. */
    pingGraph: () => deps.graph.ping(),
    /** Throws when the search engine is unreachable: search then answers 503, writes still succeed. */
    pingSearch: () => deps.search.ping(),
  };
}

/**
 * Synonyms follow the projector: a batch holding a product whose model declares equivalences may
 * have changed them. Refreshes run one at a time; a failed one is reported, and the next repairs it.
 */
function keepSynonyms(deps: CatalogDeps, projector: SearchProjector, synonyms: SynonymSync): void {
  let chain: Promise<unknown> = Promise.resolve();
  projector.onProjected(({ products }) => {
    if (!products.some((p) => (p.semantics?.equivalences.length ?? 0) > 0)) return;
    chain = chain.then(() => synonyms.refresh()).catch((error: unknown) => deps.onProjectionError?.('synonyms', error));
  });
}

/** The catalog's use cases, as handed to transports in `createApp(deps)`. */
export type Catalog = ReturnType<typeof createCatalog>;
