import { z } from 'zod';
import type { Iri } from './iri.js';
import { ConsumerRefSchema, TEAM_SLUG } from './signals.js';

/**
 * An owner's word on a detected pair (`PUT /api/v1/products/{iri}/duplicates/{other}`): "not a
 * duplicate" suppresses the pair until either schema changes; "duplicate" withdraws that and lets
 * detection judge again. The reason is required: it is shown beside the pair and kept in the audit.
 */
export const DuplicateVerdictInputSchema = z.strictObject({
  verdict: z.enum(['not-duplicate', 'duplicate']),
  reason: z.string().trim().min(3, { message: 'say why, in a few words (at least 3 characters)' }).max(2000),
});
export type DuplicateVerdictInput = z.output<typeof DuplicateVerdictInputSchema>;

/**
 * An admin's review of a flagged burst of ratings (research/perf-reliability.md R3): `void` takes
 * every current rating of `consumer` on the products of team `owner` out of ranking, `restore`
 * puts them back. Both are kept, with who and why, as the audit trail.
 */
export const RatingReviewInputSchema = z.strictObject({
  consumer: ConsumerRefSchema,
  owner: z.string().regex(TEAM_SLUG, { message: 'must be the owner team\'s slug' }),
  verdict: z.enum(['void', 'restore']),
  reason: z.string().trim().min(3, { message: 'say why, in a few words (at least 3 characters)' }).max(2000),
});
export type RatingReviewInput = z.output<typeof RatingReviewInputSchema>;

/** The verdict and review bodies as JSON Schema (2020-12, as OpenAPI 3.1 takes it). */
export function insightJsonSchemas(): Record<'DuplicateVerdict' | 'RatingReview', Record<string, unknown>> {
  const { $schema: _dialect, ...verdict } = z.toJSONSchema(DuplicateVerdictInputSchema, { io: 'input' });
  const { $schema: _dialect2, ...review } = z.toJSONSchema(RatingReviewInputSchema, { io: 'input' });
  return { DuplicateVerdict: verdict, RatingReview: review };
}

/** A product as the reports name it. */
export interface ProductRef {
  readonly iri: Iri;
  readonly name: string;
  readonly domain: string;
  readonly owner: string;
}

/** The evidence behind a duplicate pair's score (research/ranking.md §B.5), each kind in [0, 1]. */
export interface PairEvidence {
  /** Fuzzy Jaccard of the column signatures (0, and left out of the score, when neither declares columns). */
  readonly schema: number;
  /** Matched columns over the smaller schema: a copy with extra columns still scores high. */
  readonly contain: number;
  /** Jaccard of the upstream sets (plus the derivative bonus); absent when neither has lineage. */
  readonly lineage?: number;
  /** IDF-weighted Jaccard of linked concepts; absent when neither links any. */
  readonly semantics?: number;
  /** TF-IDF cosine of the texts. */
  readonly text: number;
  readonly matchedColumns: number;
  readonly sharedUpstreams: readonly string[];
  readonly sharedConcepts: readonly string[];
}

/** A scored pair as the reports show it: likely duplicate or possible overlap. */
export interface PairView {
  readonly a: Iri;
  readonly b: Iri;
  readonly score: number;
  readonly band: 'likely' | 'possible';
  readonly evidence: PairEvidence;
}

/** A member of a duplicate group and what the balancing loop does with it. */
export interface DuplicateMemberView extends ProductRef {
  readonly canonical: boolean;
  /** Q = M_use·M_rate·M_slo, the feedback prior the canonical is chosen by. */
  readonly quality: number;
  /** Whether search demotes it now (non-canonical and past the grace period). */
  readonly demoted: boolean;
  /** When a non-canonical member's grace period ends (ISO 8601). */
  readonly graceEndsAt?: string;
}

/** An owner's decision about a pair, as audited. */
export interface DuplicateOverrideView {
  readonly a: Iri;
  readonly b: Iri;
  readonly verdict: 'not-duplicate' | 'duplicate';
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
  /** A "not a duplicate" holds until either product's schema changes. */
  readonly holds: boolean;
}

/** One nudge to a product's owner, with the evidence in words. */
export interface NudgeView {
  readonly product: Iri;
  readonly owner: string;
  readonly kind: 'duplicate' | 'retirement';
  readonly message: string;
  readonly at: string;
}

/** A likely-duplicate group: its canonical and why, its members, the pairs that formed it. */
export interface DuplicateGroupView {
  readonly canonical: ProductRef;
  readonly canonicalReason: string;
  readonly averageScore: number;
  readonly members: readonly DuplicateMemberView[];
  /** The scored pairs that formed the group. */
  readonly pairs: readonly PairView[];
  readonly nudges: readonly NudgeView[];
  readonly overrides: readonly DuplicateOverrideView[];
}

/** The body of `GET /api/v1/reports/duplicates`. */
export interface DuplicatesReport {
  readonly generatedAt: string;
  readonly filter: { readonly owner?: string; readonly domain?: string };
  readonly groups: readonly DuplicateGroupView[];
  /** Possible overlaps (no demotion): "similar products". */
  readonly overlaps: readonly PairView[];
  /** Owners' decisions about pairs touching products in scope, holding or lapsed. */
  readonly overrides: readonly DuplicateOverrideView[];
  /** The current nudges of products in scope: duplicates, and products flagged for retirement. */
  readonly nudges: readonly NudgeView[];
}
