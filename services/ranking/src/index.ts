/**
 * @module
 * Pure ranking (research/ranking.md): feedback factors with the sentence shown to users, bounded
 * and combined by the re-ranker with text relevance. No I/O; every time is epoch milliseconds.
 */
export { clamp, DAY_MS, decay, DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';
export { EXACT_NOTE, rerank, type Candidate, type Feedback, type Ranked } from './rerank.js';
export { catalogFeedback, catalogStats, productFeedback } from './feedback.js';
export type { CatalogStats, ConsumerUse, Guarantee, ProductSignals, RatingVote, SloCheck } from './factors/signals.js';
export { decayedConsumers, usageFactor, usagePivot } from './factors/usage.js';
export { countedVotes, largestBurst, ratingFactor, ratingMean, shrunkRating, type ShrunkRating } from './factors/rating.js';
export { burns, sloFactor, type Burn } from './factors/slo.js';
export { duplicateFactor, lifecycleFactor } from './factors/balancing.js';
export { explorers, mayExplore, newFactor } from './factors/exploration.js';
export { SLOT_NOTE, withExplorationSlot } from './exploration-slot.js';
