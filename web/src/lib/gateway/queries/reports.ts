import 'server-only';
import { gql } from '../client';
import { PRODUCT_REF } from '../documents';
import type { Factor, ProductRef } from '../types';

export interface UsageBucketView {
  readonly from: string;
  readonly to: string;
  readonly consumers: number;
  readonly reads: number;
  readonly byDomain: readonly { readonly domain: string; readonly consumers: number }[];
}

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

export interface UsageReportView {
  readonly generatedAt: string;
  readonly windowDays: number;
  readonly products: readonly ProductUsageView[];
}

export interface NudgeView {
  readonly product: ProductRef;
  readonly owner: string;
  readonly kind: string;
  readonly message: string;
  readonly at: string;
}

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

export interface MeshView {
  readonly generatedAt: string;
  readonly size: { readonly products: number; readonly domains: number; readonly teams: number; readonly productLinks: number };
  readonly weeks: readonly { readonly from: string; readonly to: string; readonly activeLinks: number; readonly consumers: number; readonly domainLinks: number; readonly crossDomainShare: number | null }[];
  readonly domainLinks: readonly { readonly from: string; readonly to: string; readonly links: number }[];
  readonly godProductThreshold: number;
  readonly godProducts: readonly { readonly product: ProductRef; readonly dependents: number; readonly downstreamProducts: number; readonly consumers: number; readonly sloFailureShare: number | null; readonly guard: string; readonly reason: string }[];
  readonly loopHealth: {
    readonly duplicateGroups: number;
    readonly canonicalShare: number | null;
    readonly flaggedNow: number;
    readonly deprecatedNow: number;
    readonly weeks: readonly { readonly from: string; readonly to: string; readonly flagged: number; readonly unflagged: number; readonly retired: number }[];
  };
}

const MESH = /* GraphQL */ `
  query Mesh {
    meshReport {
      generatedAt
      size { products domains teams productLinks }
      weeks { from to activeLinks consumers domainLinks crossDomainShare }
      domainLinks { from to links }
      godProductThreshold
      godProducts { product { ...ProductRef } dependents downstreamProducts consumers sloFailureShare guard reason }
      loopHealth { duplicateGroups canonicalShare flaggedNow deprecatedNow weeks { from to flagged unflagged retired } }
    }
    search(q: "", first: 1, searched: false) { facets { name values { value count } } }
  }
  ${PRODUCT_REF}
`;

/** The mesh report, with the number of products per domain (from the search facets) to size the network's nodes. */
export async function meshReport(): Promise<{ report: MeshView; domains: readonly { value: string; count: number }[] }> {
  const data = await gql<{ meshReport: MeshView; search: { facets: readonly { name: string; values: readonly { value: string; count: number }[] }[] } }>(MESH);
  return { report: data.meshReport, domains: data.search.facets.find((f) => f.name === 'domain')?.values ?? [] };
}

/** Domains and owner teams with their product counts, from the facets of an empty search. */
export async function directory(): Promise<{ domains: readonly { value: string; count: number }[]; owners: readonly { value: string; count: number }[] }> {
  const data = await gql<{ search: { facets: readonly { name: string; values: readonly { value: string; count: number }[] }[] } }>(
    /* GraphQL */ `query Directory { search(q: "", first: 1, searched: false) { facets { name values { value count } } } }`,
  );
  const facet = (name: string) => data.search.facets.find((f) => f.name === name)?.values ?? [];
  return { domains: facet('domain'), owners: facet('owner') };
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

/** One product's usage over the last `windowDays`: consumers by domain, weekly trend, SLO compliance. Null when not live. */
export async function productUsage(iri: string, owner: string, windowDays = 84): Promise<ProductUsageView | null> {
  const data = await gql<{ usageReport: UsageReportView }>(PRODUCT_USAGE, { owner, windowDays });
  return data.usageReport.products.find((p) => p.product.iri === iri) ?? null;
}
