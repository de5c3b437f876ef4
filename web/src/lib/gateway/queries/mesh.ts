import 'server-only';
import { gql } from '../client';
import { PRODUCT_REF } from '../documents';
import type { ProductRef } from '../types';

/** The mesh report: size, interconnections week by week, god products, loop health. */
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

/** A product as the mesh's product network draws it: where it sits, and its one-hop links. */
export interface NetworkProductView extends ProductRef {
  readonly lineageLinks: readonly { readonly upstream: { readonly iri: string }; readonly downstream: { readonly iri: string } }[];
}

// Forty a page: a product with its links costs about 95 under the gateway's cost limit of 5,000.
const NETWORK = /* GraphQL */ `
  query Network($after: String) {
    products(first: 40, after: $after) {
      items { ...ProductRef lineageLinks { upstream { iri } downstream { iri } } }
      next
    }
  }
  ${PRODUCT_REF}
`;

/**
 * Every product with its links, for a network of at most `limit` products; null when the mesh is
 * larger (a picture of thousands of boxes helps nobody: the domain network stands for it then).
 */
export async function productNetwork(limit: number): Promise<readonly NetworkProductView[] | null> {
  const products: NetworkProductView[] = [];
  for (let after: string | null = null; ; ) {
    const data: { products: { items: NetworkProductView[]; next: string | null } } = await gql(NETWORK, after ? { after } : {});
    products.push(...data.products.items);
    if (products.length > limit) return null;
    if (!data.products.next) return products;
    after = data.products.next;
  }
}
