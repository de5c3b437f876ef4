/**
 * @module
 * Pure ranking (research/ranking.md): feedback factors with the sentence shown to users, bounded
 * and combined by the re-ranker with text relevance; and the balancing loop's duplicate detection,
 * canonical choice and retirement rules (§B.4, §B.5). No I/O; every time is epoch milliseconds.
 */
export { clamp, DAY_MS, decay, DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';
export { boundedMultiplier, EXACT_NOTE, rawMultiplier, rerank, SUCCESSOR_NOTE, type Candidate, type Feedback, type Ranked } from './rerank.js';
export { catalogFeedback, catalogStats, productFeedback } from './feedback.js';
export type { CatalogStats, ConsumerUse, Guarantee, ProductSignals, RatingVote, SloCheck } from './factors/signals.js';
export { decayedConsumers, usageFactor, usagePivot } from './factors/usage.js';
export { countedVotes, largestBurst, ratingFactor, ratingMean, shrunkRating, type ShrunkRating } from './factors/rating.js';
export { burns, sloFactor, type Burn } from './factors/slo.js';
export { duplicateFactor, lifecycleFactor } from './factors/balancing.js';
export { explorers, mayExplore, newFactor } from './factors/exploration.js';
export { SLOT_NOTE, withExplorationSlot } from './exploration-slot.js';
export { columnSignature, typeClass, type ColumnSignature, type TypeClass } from './duplicates/signature.js';
export { estimateJaccard, fnv1a, MinHash } from './duplicates/minhash.js';
export { LshIndex } from './duplicates/lsh.js';
export { glossaryFrom, type GlossaryTerm } from './duplicates/glossary.js';
export { declaredSchemaHash, featuresOf, productRef, schemaHash, type DuplicateDescriptor, type DuplicateFeatures } from './duplicates/features.js';
export { DuplicateCorpus, type PreparedProduct } from './duplicates/corpus.js';
export { matchedColumns, nameSimilarity } from './duplicates/columns.js';
export { pairScore, type DuplicateBand, type PairEvidence, type PairScore } from './duplicates/pair-score.js';
export { DuplicateIndex } from './duplicates/duplicate-index.js';
export { duplicateGroups, type DuplicateGroup } from './duplicates/groups.js';
export { chooseCanonical, type CanonicalCandidate, type CanonicalChoice } from './duplicates/canonical.js';
export { flaggedForRetirement, ratingUpperBound, retirementCondition, type RetirementCheck, type RetirementInput } from './duplicates/retirement.js';
export { duplicateNudge, retirementNudge, type DuplicateNudgeInput, type RetirementNudgeInput } from './duplicates/nudges.js';
