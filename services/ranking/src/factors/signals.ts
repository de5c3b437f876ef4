import type { ProductStatus } from '@quanta/model';

/** One consumer's latest use of a product: a team or a downstream product, never the owner. */
export interface ConsumerUse {
  readonly consumer: string;
  /** Epoch ms of the latest use. */
  readonly lastUsedAt: number;
  /** Epoch ms of the first use, when known (reported usage; lineage records only the latest). */
  readonly firstUsedAt?: number;
}

/** A consumer's current rating of a product. */
export interface RatingVote {
  readonly consumer: string;
  /** The consumer's team: one team's votes count as at most `rating.teamCap`. */
  readonly team: string;
  readonly stars: number;
  readonly at: number;
  /** Whether the consumer has recorded use of the product; unverified votes carry no weight. */
  readonly verified: boolean;
}

/** A guarantee a product declares (an SLO of an output port). */
export interface Guarantee {
  /** `<port>/<metric>`, or the metric alone. */
  readonly name: string;
  /** Share of checks that must pass, e.g. 0.99; the default target when undeclared. */
  readonly target?: number;
}

/** The result of one check of a guarantee. */
export interface SloCheck {
  readonly guarantee: string;
  readonly at: number;
  readonly passed: boolean;
}

/** Everything the feedback factors read about one product; times are epoch ms. */
export interface ProductSignals {
  readonly id: string;
  readonly name: string;
  readonly ownerTeam: string;
  readonly status: ProductStatus;
  readonly createdAt: number;
  readonly consumers: readonly ConsumerUse[];
  readonly ratings: readonly RatingVote[];
  /** When every rating was given, replaced ones included (epoch ms); defaults to the current votes' times. */
  readonly ratingTimes?: readonly number[];
  readonly guarantees: readonly Guarantee[];
  readonly checks: readonly SloCheck[];
  /** Expected examinations so far: Σ over impressions of 1/position. */
  readonly examinations: number;
  /** Set for a non-canonical member of a likely-duplicate group (the insights work fills it in). */
  readonly duplicateOf?: { readonly canonical: string; readonly name: string; readonly score: number };
  /** A deprecated product's replacement, as its owner names it (`links.successor`): it ranks below it. */
  readonly successor?: string;
  /** Unused and superseded: the balancing loop suggests retiring it. */
  readonly flaggedForRetirement?: boolean;
  /** Whether it may explore (quality gate, and within its team's exploration quota). */
  readonly exploring?: boolean;
}

/** What the factors need to know of the whole catalog. */
export interface CatalogStats {
  /** K_u: the median decayed consumer count of active products, at least `usage.pivotFloor`. */
  readonly usagePivot: number;
  /** C: the mean of current verified ratings over the catalog. */
  readonly ratingMean: number;
}
