import type { FeedbackProjection } from '../feedback/feedback-projection.js';
import type { ImpressionLog } from '../feedback/impression-log.js';
import type { InsightsProjection } from '../insights/insights-projection.js';
import type { Clock } from '../ports/clock.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { SemanticLayer } from '../ports/semantic-layer.js';
import type { SearchProjector } from '../search/search-projector.js';
import type { SynonymSync } from '../search/synonyms.js';

/** The ports the catalog's use cases run on. */
export interface CatalogDeps {
  readonly graph: KnowledgeGraph;
  readonly search: SearchIndex;
  readonly clock: Clock;
  readonly semantics: SemanticLayer;
  /** The feedback scores search re-ranks with (ADR 0010); without it, search ranks by text alone. */
  readonly feedback?: FeedbackProjection;
  /** Duplicate groups, canonicals and owners' overrides (issue 7); without it, no duplicate is found. */
  readonly insights?: InsightsProjection;
  /** Counts what search shows, for the new-product factor; without it, nothing is counted. */
  readonly impressions?: ImpressionLog;
  /** Told each time the exploration slot places a product: the randomised log of research/ranking.md §B.7. */
  readonly onExplorationSlot?: (placement: SlotPlacement) => void;
  /** [0, 1) numbers for the exploration slot: Math.random unless a test seeds it. */
  readonly random?: () => number;
  /** Told when a product could not be turned into a search document; `reindex` reports it too. */
  readonly onProjectionError?: (iri: string, error: unknown) => void;
  /**
   * Drains the search outbox into the index (ADR 0014). `createCatalog` makes one woken by writes
   * alone when none is given; a server gives its own, started with a schedule.
   */
  readonly projector?: SearchProjector;
  /** Keeps the index's synonyms level with the graph's `sameAs` links; `createCatalog` makes one when absent. */
  readonly synonyms?: SynonymSync;
  /**
   * How long a write waits for its product to be searchable while the engine is healthy (ms), so
   * a pipeline that registers and then searches finds its product; 0 answers at once. Never
   * waited for while the engine fails: the write is durable and the outbox keeps it. Default 1000.
   */
  readonly searchWaitMs?: number;
}

/** One use of the exploration slot, logged so position bias can be estimated later. */
export interface SlotPlacement {
  readonly query: string;
  readonly product: string;
  /** 1-based position it was shown at. */
  readonly position: number;
  /** The probability that this product was placed there: ε over the eligible pool. */
  readonly propensity: number;
}
