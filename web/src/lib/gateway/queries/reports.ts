import 'server-only';
import { unstable_cache } from 'next/cache';
import { gql } from '../client';
import { PRODUCT_REF } from '../documents';
import type { Factor, ProductRef } from '../types';

/** One week of a product's use, with its consumers by consuming domain. */
export interface UsageBucketView {
  readonly from: string;
  readonly to: string;
  readonly consumers: number;
  readonly reads: number;
  readonly byDomain: readonly { readonly domain: string; readonly consumers: number }[];
}

/** A product's line in a usage report: consumers, reads, weekly trend, satisfaction, SLO compliance. */
export interface ProductUsageView {
  readonly product: ProductRef & { readonly flaggedForRetirement: boolean };
  readonly consumers: {
    readonly total: number;
    readonly byDomain: readonly { readonly domain: string; readonly consumers: number }[];
    readonly new: readonly string[];
    readonly lost: readonly string[];
  };
  readonly reads: number;
  readonly trend: readonly UsageBucketView[];
  readonly satisfaction: { readonly ratings: number; readonly meanStars: number | null; readonly factor: Factor | null };
  readonly slo: {
    readonly guarantees: readonly {
      readonly name: string;
      readonly target: number;
      readonly checks: number;
      readonly passed: number;
      readonly compliance: number | null;
      readonly met: boolean | null;
      readonly trend: readonly { readonly from: string; readonly to: string; readonly checks: number; readonly passed: number; readonly compliance: number | null }[];
    }[];
    readonly factor: Factor | null;
  };
}

/** A usage report over a window of days. */
export interface UsageReportView {
  readonly generatedAt: string;
  readonly windowDays: number;
  readonly products: readonly ProductUsageView[];
}

/** A suggestion to a product's owner (duplicate or retirement). */
export interface NudgeView {
  readonly product: ProductRef;
  readonly owner: string;
  readonly kind: string;
  readonly message: string;
  readonly at: string;
}

/** A duplicate group as an owner's report shows it: members, pairs with their evidence, nudges. */
export interface GroupReportView {
  readonly canonical: ProductRef;
  readonly canonicalReason: string;
  readonly averageScore: number;
  readonly members: readonly { readonly product: ProductRef; readonly canonical: boolean; readonly demoted: boolean; readonly graceEndsAt: string | null }[];
  readonly pairs: readonly {
    readonly a: { readonly iri: string; readonly title: string };
    readonly b: { readonly iri: string; readonly title: string };
    readonly score: number;
    readonly band: string;
    readonly evidence: { readonly matchedColumns: number; readonly sharedUpstreams: readonly string[]; readonly sharedConcepts: readonly string[] };
  }[];
  readonly nudges: readonly NudgeView[];
}

/** A product's line in a usage report, as ProductUsageView reads it. */
const PRODUCT_USAGE_FIELDS = /* GraphQL */ `
  fragment ProductUsageFields on ProductUsage {
    product { ...ProductRef flaggedForRetirement }
    consumers { total byDomain { domain consumers } new lost }
    reads
    trend { from to consumers reads byDomain { domain consumers } }
    satisfaction { ratings meanStars factor { name value reason } }
    slo { guarantees { name target checks passed compliance met trend { from to checks passed compliance } } factor { name value reason } }
  }
  ${PRODUCT_REF}
`;

/** Whose report it is: one owner team's, or one domain's. */
export interface ReportScope {
  readonly kind: 'owner' | 'domain';
  readonly name: string;
}

/** What an owner's or a domain's report page shows. */
export interface ScopeReportView {
  readonly usageReport: UsageReportView;
  readonly duplicateGroups: readonly GroupReportView[];
}

const SCOPE_REPORT = /* GraphQL */ `
  query ScopeReport($owner: String, $domain: String, $windowDays: Int!) {
    usageReport(owner: $owner, domain: $domain, windowDays: $windowDays) {
      generatedAt windowDays
      products {
        ...ProductUsageFields
      }
    }
    duplicateGroups(owner: $owner, domain: $domain) {
      canonical { ...ProductRef }
      canonicalReason averageScore
      members { product { ...ProductRef } canonical demoted graceEndsAt }
      pairs { a { iri title } b { iri title } score band evidence { matchedColumns sharedUpstreams sharedConcepts } }
      nudges { product { ...ProductRef } owner kind message at }
    }
  }
  ${PRODUCT_USAGE_FIELDS}
`;

/** The usage and duplication report of one owner team or one domain, over the last `windowDays`. */
export async function scopeReport(scope: { owner?: string; domain?: string }, windowDays = 28): Promise<ScopeReportView> {
  return gql<ScopeReportView>(SCOPE_REPORT, { ...scope, windowDays });
}

const PRODUCT_USAGE = /* GraphQL */ `
  query ProductUsage($owner: String!, $windowDays: Int!) {
    usageReport(owner: $owner, windowDays: $windowDays) {
      generatedAt windowDays
      products {
        ...ProductUsageFields
      }
    }
  }
  ${PRODUCT_USAGE_FIELDS}
`;

/**
 * An owner's usage report as product pages read it, kept for 30 s: it is a weekly
 * picture, and computing it reads the whole catalog (to place consumer teams in domains), which a
 * product page should not pay on every view.
 */
const ownerUsage = unstable_cache(
  async (owner: string, windowDays: number) => (await gql<{ usageReport: UsageReportView }>(PRODUCT_USAGE, { owner, windowDays })).usageReport,
  ['owner-usage'],
  { revalidate: 30 },
);

/** One product's usage over the last `windowDays`: consumers by domain, weekly trend, SLO compliance. Null when not live. */
export async function productUsage(iri: string, owner: string, windowDays = 84): Promise<ProductUsageView | null> {
  return (await ownerUsage(owner, windowDays)).products.find((p) => p.product.iri === iri) ?? null;
}
