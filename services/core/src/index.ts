/**
 * @module
 * Quanta's core: the ports every backend implements (KnowledgeGraph, SearchIndex, Clock) and the
 * use cases every transport calls. Contract suites for the ports are under `@quanta/core/testing`.
 */
export { createCatalog, type Catalog } from './catalog.js';
export { type Balancing, FeedbackProjection } from './feedback/feedback-projection.js';
export { InsightsProjection, type GroupState, type ProductFacts } from './insights/insights-projection.js';
export { EXAMINATIONS, ImpressionLog } from './feedback/impression-log.js';
export * from './ports/clock.js';
export * from './ports/knowledge-graph.js';
export * from './ports/lineage-graph.js';
export * from './ports/signal-graph.js';
export * from './ports/insight-graph.js';
export * from './ports/search-index.js';
export * from './ports/search-outbox.js';
export * from './ports/identity-store.js';
export * from './ports/semantic-layer.js';
export { assertOwnable, type ExistingNode } from './rules/node-ownership.js';
export { judgeRevision, type Head, type Verdict } from './rules/revision-check.js';
export { breadthFirst, MAX_DEPTH, type Hop } from './rules/breadth-first.js';
export { assertCounterDelta } from './rules/counter-delta.js';
export { currentFacets, mergeFacets, type StoredFacet, type StoredFacets } from './rules/facet-merge.js';
export {
  cameAfterEnd,
  foldRunEvent,
  isAfterEnd,
  isTerminal,
  runState,
  summaryColumns,
  summaryFromColumns,
  summaryRun,
  type RunEventAt,
  type RunSummary,
  type RunSummaryColumns,
} from './rules/run-state.js';
export { type TimeSkew, timeSkewOf } from './rules/event-time.js';
export { owningTeam } from './rules/owning-team.js';
export { facetGraph, GRAPH_FACETS, type FacetGraph } from './projections/lineage-facet-graph.js';
export { lineageRecord, normalizeEventTime, recordDatasets, runEventKeyPrefix, type OpenLineageEventView } from './projections/lineage-record.js';
export { assertOwnEdges, assertValidBatch } from './rules/save-input.js';
export { canonicalJson, descriptorHash } from './projections/descriptor-hash.js';
export { claimedConcepts, conceptLabel, productGraph, productOf } from './projections/product-graph.js';
export { toSearchDocument } from './projections/search-document.js';
export { groupSignals, type SignalRows } from './projections/signal-records.js';
export type { CatalogDeps, SlotPlacement } from './use-cases/deps.js';
export type { ConceptProducts } from './use-cases/concept-products.js';
export type { LineageBatchFailure, LineageBatchReport, LineageIngestResult } from './use-cases/ingest-lineage.js';
export { LINEAGE_NODE_CAP, type LineageView, type ProductLineage } from './use-cases/read-lineage.js';
export type { RegisterOptions, RegisterResult, RevisionContent } from './use-cases/register-product.js';
export type { SignalReport } from './use-cases/record-signals.js';
export type { ProductInsights, ReportFilter } from './use-cases/duplicates-report.js';
export type { DuplicateVerdictResult } from './use-cases/decide-duplicate.js';
export type { DetectionReport } from './use-cases/detect-duplicates.js';
export type { ProgressListener, ReindexReport } from './use-cases/reindex.js';
export { RERANK_CANDIDATES, type SearchParams } from './use-cases/search-products.js';
export { nameKey } from './rules/name-key.js';
export { SearchProjector, type ProjectedBatch, type ProjectorHealth, type ProjectorOptions } from './search/search-projector.js';
export { reconcile, type ReconcileReport } from './search/reconcile.js';
export { SynonymSync, synonymGroups, synonymTerm } from './search/synonyms.js';
export type { ProductFeedbackView, RatingView, SloStatusView } from './use-cases/read-feedback.js';
export { hashToken, type CreatedToken } from './use-cases/identities.js';
