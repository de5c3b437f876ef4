import 'server-only';
import { gql, type Permitted, permitted } from '../client';
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
  /** The usage report, or the API's sentence when it is not this viewer's to read (owner teams' and admins' only). */
  readonly usage: Permitted<UsageReportView>;
  readonly duplicateGroups: readonly GroupReportView[];
}

const SCOPE_USAGE = /* GraphQL */ `
  query ScopeUsage($owner: String, $domain: String, $windowDays: Int!) {
    usageReport(owner: $owner, domain: $domain, windowDays: $windowDays) {
      generatedAt windowDays
      products {
        ...ProductUsageFields
      }
    }
  }
  ${PRODUCT_USAGE_FIELDS}
`;

const SCOPE_DUPLICATES = /* GraphQL */ `
  query ScopeDuplicates($owner: String, $domain: String) {
    duplicateGroups(owner: $owner, domain: $domain) {
      canonical { ...ProductRef }
      canonicalReason averageScore
      members { product { ...ProductRef } canonical demoted graceEndsAt }
      pairs { a { iri title } b { iri title } score band evidence { matchedColumns sharedUpstreams sharedConcepts } }
      nudges { product { ...ProductRef } owner kind message at }
    }
  }
  ${PRODUCT_REF}
`;

/**
 * The usage and duplication report of one owner team or one domain, over the last `windowDays`.
 * Two operations, not one: the usage report is refused to most viewers, and being a non-null
 * field its refusal would take the duplicate groups (anyone's to read) down with it.
 */
export async function scopeReport(scope: { owner?: string; domain?: string }, windowDays = 28): Promise<ScopeReportView> {
  const [usage, duplicates] = await Promise.all([
    permitted(gql<{ usageReport: UsageReportView }>(SCOPE_USAGE, { ...scope, windowDays }).then((d) => d.usageReport)),
    gql<{ duplicateGroups: readonly GroupReportView[] }>(SCOPE_DUPLICATES, scope),
  ]);
  return { usage, duplicateGroups: duplicates.duplicateGroups };
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
 * One product's usage over the last `windowDays`: consumers by domain, weekly trend, SLO
 * compliance; null when not live, and the API's sentence when the viewer may not read its owner's
 * report. Not cached across requests: the answer depends on who asks, and the API refuses
 * everyone but the owner team and admins before it reads anything.
 */
export async function productUsage(iri: string, owner: string, windowDays = 84): Promise<Permitted<ProductUsageView | null>> {
  const report = await permitted(gql<{ usageReport: UsageReportView }>(PRODUCT_USAGE, { owner, windowDays }));
  if (!report.ok) return report;
  return { ok: true, value: report.value.usageReport.products.find((p) => p.product.iri === iri) ?? null };
}
