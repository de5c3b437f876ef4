import type { Iri } from '@quanta/model';

/**
 * An owner's word on a pair of products (research/ranking.md §B.4 step 4): "not a duplicate",
 * with a reason, or withdrawing that. `a` < `b`. The schemas the owner judged are kept so the
 * override lapses when either product's schema changes.
 */
export interface DuplicateDecisionEvent {
  readonly kind: 'not-duplicate' | 'withdrawn';
  readonly a: Iri;
  readonly b: Iri;
  readonly reason: string;
  /** Who decided: the request identity's subject. */
  readonly actor: string;
  /** Schema hashes of `a` and `b` when decided. */
  readonly schemas: readonly [string, string];
  readonly at: string;
}

/** The balancing loop chose `product` as the canonical member of a duplicate group. */
export interface CanonicalEvent {
  readonly kind: 'canonical';
  readonly product: Iri;
  /** Every member of the group when chosen, the canonical included. */
  readonly members: readonly Iri[];
  readonly reason: string;
  readonly at: string;
}

/** The balancing loop flagged a product for retirement, or took the flag back. */
export interface RetirementEvent {
  readonly kind: 'flagged' | 'unflagged';
  readonly product: Iri;
  readonly reason: string;
  readonly at: string;
}

/**
 * An admin took a consumer's ratings of one owner team's products out of ranking (a flagged burst
 * judged to be manipulation), or put them back (research/perf-reliability.md R3). The products
 * are those the consumer had rated when it was decided.
 */
export interface RatingReviewEvent {
  readonly kind: 'ratings-voided' | 'ratings-restored';
  readonly consumer: Iri;
  /** The owner team's slug. */
  readonly owner: string;
  readonly products: readonly Iri[];
  readonly reason: string;
  /** Who decided: the request identity's subject. */
  readonly actor: string;
  readonly at: string;
}

/**
 * What the balancing loop, the owners and the admins decided, in the order it happened: the audit
 * trail of overrides and rating reviews, the canonical choices that hysteresis compares against,
 * and the flags the mesh report counts over time.
 */
export type InsightEvent = DuplicateDecisionEvent | CanonicalEvent | RetirementEvent | RatingReviewEvent;
export type InsightEventKind = InsightEvent['kind'];

/** One message to a product's owner, with the evidence in words. */
export interface NudgeRecord {
  readonly product: Iri;
  /** The owner team's IRI. */
  readonly owner: Iri;
  readonly kind: 'duplicate' | 'retirement';
  readonly message: string;
  readonly at: string;
}

/**
 * The insights half of the knowledge graph (issue 7): owners' decisions and the loop's choices,
 * append-only, and the current nudges. Duplicate groups and reports are projections computed from
 * the rest of the graph; what is stored here is what a projection cannot recompute — a person's
 * decision, the incumbent canonical, and when a flag was raised.
 */
export interface InsightGraph {
  /** Appends events in one transaction, in the order given. */
  appendInsightEvents(events: readonly InsightEvent[]): Promise<void>;
  /** Events of the given kinds (all when omitted), oldest first; equal times keep append order. */
  readInsightEvents(kinds?: readonly InsightEventKind[]): Promise<readonly InsightEvent[]>;
  /** Replaces every current nudge with these, in one transaction. */
  replaceNudges(nudges: readonly NudgeRecord[]): Promise<void>;
  /** The current nudges, of one owner team when given, by product IRI then kind. */
  readNudges(owner?: Iri): Promise<readonly NudgeRecord[]>;
}
