/**
 * @module
 * Pure ranking: re-ranks search candidates by text relevance times bounded, explained feedback
 * factors (research/ranking.md §0). No I/O.
 */
export { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';
export { rerank, type Candidate, type Feedback, type Ranked } from './rerank.js';
