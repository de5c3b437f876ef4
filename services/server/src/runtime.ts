import type { QuantaConfig } from '@quanta/config';
import { type Catalog, createCatalog, FeedbackProjection, ImpressionLog, InsightsProjection, type SearchIndex, SearchProjector, systemClock } from '@quanta/core';
import type { Logger } from 'pino';
import { graphBackup, openGraph, openSearch, openSemantics } from './adapters.js';

/** The backends, projections and use cases of one Quanta process, with their schedules running. */
export interface Runtime {
  readonly catalog: Catalog;
  /** Products in the graph when it opened: 0 means a fresh data directory. */
  readonly productsAtStart: number;
  /** A consistent backup of the graph, where this server takes them (the embedded graph only). */
  readonly backup?: () => Promise<{ readonly file: string; readonly bytes: number }>;
  /** Stops the schedules, lets running work end, closes the backends. */
  close(): Promise<void>;
}

/** How a process keeps its own copies of the graph's projections. */
export interface RuntimeOptions {
  /**
   * Rebuild the search index from the graph on the feedback schedule: for a process with an
   * index of its own that the outbox does not feed (the catalog subgraph of a split deployment on
   * the embedded engine; with Meilisearch every process reads the one index).
   */
  readonly searchFollowsGraph?: boolean;
  /**
   * Drain the search outbox and reconcile the index (the default): the API process. A subgraph
   * process leaves the outbox to it, so two processes never race to empty it into different indexes.
   */
  readonly projects?: boolean;
  /** Keep the balancing loop's decisions in memory only: another process (the API's) stores them. */
  readonly readsDecisions?: boolean;
}

/**
 * Opens the backends the configuration names, brings the search projection level with the graph,
 * and starts the projections' schedules: what every Quanta process serves from.
 */
export async function openRuntime(config: QuantaConfig, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const graph = await openGraph(config);
  const search = await openSearch(config).catch(async (error: unknown) => {
    await graph.close(); // nothing left open when the search engine cannot be reached at start
    throw error;
  });
  const semantics = openSemantics(config);
  const feedback = new FeedbackProjection(graph, systemClock);
  const insights = new InsightsProjection(graph, systemClock, feedback);
  feedback.balanceWith(insights);
  if (options.readsDecisions) insights.storesDecisions = false;
  insights.onRefreshError = (iri, err) => logger.warn({ iri, err }, 'duplicate detection could not update a product; the next full run repairs it');
  insights.onBurstRun = (millis) => logger.info({ millis, groups: insights.duplicateGroups.length }, 'duplicate groups recomputed after a burst of registrations');
  const impressions = new ImpressionLog(graph);
  const projects = (options.projects ?? true) && config.searchProjector;
  const projector = new SearchProjector(graph, search, systemClock, {
    retryMaxMs: config.projectorRetryMaxMs,
    // The first failure of a run is worth a warning; the retries after it, a debug line each.
    onError: (err, attempt, retryInMs) =>
      logger[attempt === 1 ? 'warn' : 'debug']({ err, attempt, retryInMs }, 'search engine refused a write; the outbox keeps the changes and the projector retries'),
    onRecovered: (failures) => logger.info({ failures }, 'search engine takes writes again; draining the outbox'),
    onProjectionError: (iri, err) => logger.warn({ iri, err }, 'a product could not be turned into a search document; the reconciler lists it'),
  });
  const catalog = createCatalog({
    graph,
    search,
    clock: systemClock,
    semantics: semantics.layer,
    feedback,
    insights,
    impressions,
    onExplorationSlot: (placement) => logger.info(placement, 'exploration slot'),
    onProjectionError: (iri, err) => logger.warn({ iri, err }, 'search projection failed; POST /api/v1/admin/reconcile repairs it'),
    projector,
    searchWaitMs: projects ? config.searchWaitMs : 0,
  });
  const productsAtStart = await graph.countProducts();
  // A process with an index of its own fills it before it serves; one that does not project never
  // drains the outbox, not even when a write of its own would wake the projector.
  // A rebuild at start also sets the synonyms, and leaves nothing for a first reconcile to find.
  const rebuilt = (projects || options.searchFollowsGraph) === true && (await converge(productsAtStart, search, catalog, logger));
  if (projects) projector.start();
  else await projector.stop();
  const stopReconcile = projects
    ? await keepRebuilt(
        config.reconcileSeconds,
        async () => {
          const report = await catalog.reconcile();
          // Rewritten even when the graph's did not change: a restored engine may have lost them.
          await catalog.refreshSynonyms({ force: true });
          return { message: `search index compared with the graph: ${report.missing} missing, ${report.stale} stale, ${report.orphaned} orphaned`, ...report };
        },
        'search index could not be compared with the graph; the next run retries',
        logger,
        { background: true, atStart: !rebuilt },
      )
    : () => undefined;
  const stopFeedback = await keepRebuilt(
    config.feedbackRefreshSeconds,
    async () => {
      await feedback.rebuild();
      return { message: 'feedback scores computed from the graph', products: feedback.all.size };
    },
    'feedback scores could not be computed; search ranks with the last ones',
    logger,
  );
  // After the feedback: each duplicate group's canonical is chosen by its members' feedback. Not
  // awaited: over a large mesh the first run takes tens of seconds, and search needs none of it
  // to answer (reports wait for it).
  const stopInsights = await keepRebuilt(
    config.insightsRefreshSeconds,
    async () => {
      await insights.rebuild();
      return { message: 'duplicate groups computed from the graph', groups: insights.duplicateGroups.length, pairs: insights.allPairs.length };
    },
    'duplicate groups could not be computed; search keeps the last ones',
    logger,
    { background: true },
  );
  const stopImpressions = keepImpressions(impressions, config.impressionFlushSeconds, logger);
  const stopSearch = options.searchFollowsGraph
    ? await keepRebuilt(
        config.feedbackRefreshSeconds,
        async () => ({ message: 'search index brought level with the graph', ...(await catalog.reindex(undefined, { inPlace: true })) }),
        'search index could not be rebuilt from the graph; search keeps the last one',
        logger,
        { background: true, atStart: !rebuilt },
      )
    : () => undefined;
  const backup = graphBackup(graph, config);
  return {
    catalog,
    productsAtStart,
    ...(backup && { backup }),
    close: async () => {
      stopFeedback();
      stopInsights();
      stopSearch();
      stopReconcile();
      // A batch being written ends first; what it did not complete stays in the outbox.
      await projector.stop();
      // A first full run over a large mesh may still be reading the graph about to close.
      await insights.stop();
      await stopImpressions();
      await Promise.all([graph.close(), search.close(), semantics.close()]);
    },
  };
}

/**
 * Rebuilds the search projection at start when the index is empty and the graph is not (always,
 * for the in-memory engine): one bulk pass is much faster than the outbox's batches. A persistent
 * engine that holds documents is left to the reconciler, which finds the missing and the stale.
 * A failed rebuild is logged, never fatal: the graph, the source of truth, stays served, and the
 * reconciler or `quanta reindex` repairs the index later.
 * @returns whether it rebuilt the index
 */
async function converge(products: number, search: SearchIndex, catalog: Catalog, logger: Logger): Promise<boolean> {
  try {
    if (products === 0 || (await search.count()) > 0) return false;
    const report = await catalog.reindex();
    const failed = report.failed ? `, ${report.failed} could not be projected` : '';
    logger.info({ ...report }, `search index rebuilt from the graph: ${report.documents} products in ${report.millis} ms${failed}`);
    return true;
  } catch (err) {
    logger.error({ err }, 'search index rebuild failed at start; search may be incomplete until a reindex succeeds');
    return false;
  }
}

/**
 * Runs a projection's full rebuild at start, then again every `seconds`: the feedback scores (so
 * evidence decays and the catalog-wide numbers move) and the duplicate groups (nightly in
 * research/ranking.md §B.4; a registration updates its own product at once). A failed rebuild is
 * logged and the projection keeps what it had: search ranks with the last scores, text at worst.
 * With `background`, the first run is started and not waited for; without `atStart`, the first
 * run is the scheduled one (the start already did the work).
 * @returns what stops the schedule
 */
async function keepRebuilt(
  seconds: number,
  rebuild: () => Promise<{ message: string } & Record<string, unknown>>,
  failure: string,
  logger: Logger,
  { background = false, atStart = true } = {},
): Promise<() => void> {
  let stopped = false;
  const run = async () => {
    const started = Date.now();
    try {
      const { message, ...fields } = await rebuild();
      logger.info({ ...fields, millis: Date.now() - started }, message);
    } catch (err) {
      // A run cut short because the server is closing is no failure.
      if (!stopped) logger.error({ err }, failure);
    }
  };
  if (atStart && background) void run();
  else if (atStart) await run();
  const timer = setInterval(() => void run(), seconds * 1000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/**
 * Writes search impressions to the graph every `seconds`, and once more on close. A failed write
 * keeps them for the next try.
 * @returns what stops the schedule after a last flush
 */
function keepImpressions(impressions: ImpressionLog, seconds: number, logger: Logger): () => Promise<void> {
  const flush = async () => {
    try {
      await impressions.flush();
    } catch (err) {
      logger.warn({ err, pending: impressions.pendingProducts }, 'search impressions could not be written; retrying at the next flush');
    }
  };
  const timer = setInterval(() => void flush(), seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flush();
  };
}
