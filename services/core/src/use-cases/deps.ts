import type { FeedbackProjection } from '../feedback/feedback-projection.js';
import type { Clock } from '../ports/clock.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { SemanticLayer } from '../ports/semantic-layer.js';

/** The ports the catalog's use cases run on. */
export interface CatalogDeps {
  readonly graph: KnowledgeGraph;
  readonly search: SearchIndex;
  readonly clock: Clock;
  readonly semantics: SemanticLayer;
  /** The feedback scores search re-ranks with (ADR 0010); without it, search ranks by text alone. */
  readonly feedback?: FeedbackProjection;
  /** Told when the search projection of a committed change failed; `reindex` repairs it. */
  readonly onProjectionError?: (iri: string, error: unknown) => void;
}
