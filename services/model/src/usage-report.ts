import type { ProductRef } from './insights.js';
import type { Iri } from './iri.js';
import type { RankingFactor } from './search.js';

/**
 * How many distinct consumers one domain contributes to a product. A consuming product belongs to
 * its own domain; a team to the domain where it owns the most products (ties: alphabetical);
 * anything else to `unknown`.
 */
export interface DomainConsumers {
  readonly domain: string;
  readonly consumers: number;
}

/** The consumers of a product inside the window, the owner team and the product itself left out. */
export interface ConsumerSummary {
  /** Distinct consumers (teams and products) with a use inside the window. */
  readonly total: number;
  /** Those consumers by domain, the largest first, then by domain name. */
  readonly byDomain: readonly DomainConsumers[];
  /**
   * Consumers whose first recorded use falls inside the window, in IRI order. Lineage keeps only a
   * job's latest read, so a consumer known only from lineage is never new.
   */
  readonly new: readonly Iri[];
  /** Consumers that used the product in the window before this one, but not in this one, in IRI order. */
  readonly lost: readonly Iri[];
}

/**
 * One week of a product's use: `from` inclusive, `to` exclusive except for the last bucket, which
 * ends now. The oldest bucket is shorter when the window is not a whole number of weeks.
 */
export interface UsageBucket {
  readonly from: string;
  readonly to: string;
  /** Distinct consumers with a use in the bucket (lineage counts a consumer's latest read). */
  readonly consumers: number;
  /** Reads reported in the bucket (usage reports' `count`; lineage carries no read counts). */
  readonly reads: number;
  /** The bucket's consumers by their domain, most first: usage by consuming domain over time. */
  readonly byDomain: readonly DomainConsumers[];
}

/** What consumers think of a product: its current ratings, whenever given. */
export interface Satisfaction {
  /** Current ratings, one per consumer. */
  readonly ratings: number;
  /** The mean of their stars; absent when there is none. */
  readonly meanStars?: number;
  /** The `rating` factor search ranks with (verified, team-capped, shrunk); absent when feedback does not run. */
  readonly factor?: RankingFactor;
}

/** One declared guarantee (`<port>/<metric>`) against the checks inside the window. */
export interface GuaranteeCompliance {
  readonly name: string;
  /** The declared target, else the ranking's default target (0.95). */
  readonly target: number;
  readonly checks: number;
  readonly passed: number;
  /** passed / checks; absent when no check falls inside the window. */
  readonly compliance?: number;
  /** compliance ≥ target; absent when no check falls inside the window. */
  readonly met?: boolean;
  /** The same week by week, in the usage trend's buckets: compliance over time. */
  readonly trend: readonly ComplianceBucket[];
}

/** One week of a guarantee's checks. */
export interface ComplianceBucket {
  readonly from: string;
  readonly to: string;
  readonly checks: number;
  readonly passed: number;
  /** passed / checks; absent without checks in the week. */
  readonly compliance?: number;
}

/** A product's SLO compliance over the window. */
export interface SloCompliance {
  /** Every guarantee the product declares, in declaration order. */
  readonly guarantees: readonly GuaranteeCompliance[];
  /** The `slo` factor search ranks with (error-budget burn, 56 days); absent when feedback does not run. */
  readonly factor?: RankingFactor;
}

/** One product's usage, churn, satisfaction and SLO compliance over the report's window. */
export interface ProductUsage {
  readonly product: ProductRef;
  readonly consumers: ConsumerSummary;
  /** Reads reported inside the window by its consumers. */
  readonly reads: number;
  /** One bucket per 7 days, oldest first, the last ending now. */
  readonly trend: readonly UsageBucket[];
  readonly satisfaction: Satisfaction;
  readonly slo: SloCompliance;
}

/**
 * The body of `GET /api/v1/reports/usage`: for each live product in scope (one owner team's,
 * one domain's, or every one), in IRI order, its use over the window `[now − days, now]`.
 * Consumers are teams (`urn:quanta:team:<slug>`) and consuming products, from usage reports and
 * from lineage (jobs reading the product's datasets, counted for their product or team).
 */
export interface UsageReport {
  readonly generatedAt: string;
  readonly window: { readonly days: number; readonly from: string; readonly to: string };
  readonly filter: { readonly owner?: string; readonly domain?: string };
  readonly products: readonly ProductUsage[];
}

/** The usage report's window in days: 1 to 365, four weeks unless asked. */
export const USAGE_WINDOW_DAYS = { min: 1, max: 365, default: 28 } as const;
