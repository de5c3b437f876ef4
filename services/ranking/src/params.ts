/**
 * Ranking parameters (research/ranking.md §0). Only the re-ranking ones exist so far; the feedback
 * factors add theirs as they arrive.
 */
export interface RankingParams {
  /** Exponent on text relevance: `score = relevance^alpha × multiplier`. */
  readonly alpha: number;
  /** Relevance gate: a hit below `relGate × best relevance` gets no boost above ×1. */
  readonly relGate: number;
  /** Lower and upper bound of the combined multiplier, so no winner runs away. */
  readonly mMin: number;
  readonly mMax: number;
}

/** The defaults the simulation in research/ranking.md was run with. */
export const DEFAULT_RANKING_PARAMS: RankingParams = Object.freeze({ alpha: 2, relGate: 0.6, mMin: 0.25, mMax: 2 });
