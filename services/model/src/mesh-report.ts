import type { ProductRef } from './insights.js';

/** One week of the mesh's interconnections: who used what, and across which domains. */
export interface MeshWeek {
  readonly from: string;
  readonly to: string;
  /** Distinct (consumer, product) pairs with reported use that week. */
  readonly activeLinks: number;
  /** Distinct consumers (teams and products) with reported use that week. */
  readonly consumers: number;
  /** Distinct (consumer's domain → product's domain) pairs across two domains that week. */
  readonly domainLinks: number;
  /** Share of the week's reads whose consumer sits in another domain than the product; absent without reads. */
  readonly crossDomainShare?: number;
}

/** A product with many dependents, under the god-product guard (research/ranking.md §B.6.5). */
export interface GodProduct {
  readonly product: ProductRef;
  /** Downstream products plus the other consumers with use in the last twelve weeks. */
  readonly dependents: number;
  readonly downstreamProducts: number;
  /** Consumers with use in the last twelve weeks that are not among its downstream products. */
  readonly consumers: number;
  /** Share of its SLO checks that failed in the last 90 days; absent without checks. */
  readonly sloFailureShare?: number;
  /** `guarded`: many dependents and failing change (high blast radius); `watch`: many dependents only. */
  readonly guard: 'watch' | 'guarded';
  readonly reason: string;
}

/** One week of the balancing loop's work. */
export interface LoopWeek {
  readonly from: string;
  readonly to: string;
  readonly flagged: number;
  readonly unflagged: number;
  readonly retired: number;
}

/** The body of `GET /api/v1/reports/mesh`: the mesh as a whole, for governance. */
export interface MeshReport {
  readonly generatedAt: string;
  readonly size: { readonly products: number; readonly domains: number; readonly teams: number; readonly productLinks: number };
  /** The network effect: use across products and domains, week by week (twelve weeks, oldest first). */
  readonly interconnections: {
    readonly weeks: readonly MeshWeek[];
    /** Product-to-product links (declared input ports and lineage) between two domains, now. */
    readonly domainLinks: readonly { readonly from: string; readonly to: string; readonly links: number }[];
  };
  readonly godProducts: { readonly threshold: number; readonly products: readonly GodProduct[] };
  readonly loopHealth: {
    readonly duplicateGroups: number;
    /** Share of the last four weeks' reads of duplicate-group members that went to canonicals. */
    readonly canonicalShare?: number;
    readonly flaggedNow: number;
    readonly deprecatedNow: number;
    readonly weeks: readonly LoopWeek[];
  };
}
