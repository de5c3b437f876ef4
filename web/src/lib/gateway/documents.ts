/**
 * GraphQL documents shared by the server and the browser (search-as-you-type posts the same
 * document to `/graphql`). Everything else lives in `./queries`, server-only.
 */

/** The fields a product reference carries everywhere: enough for a link, a badge and a byline. */
export const PRODUCT_REF = /* GraphQL */ `
  fragment ProductRef on DataProduct {
    iri
    title
    status
    domain { name }
    owner { name }
  }
`;

/** A ranked search with facets; each hit carries what its result card shows and why it ranks there. */
export const SEARCH = /* GraphQL */ `
  query Search($q: String!, $domain: String, $owner: String, $tag: String, $status: [ProductStatus!], $first: Int, $searched: Boolean) {
    search(q: $q, domain: $domain, owner: $owner, tag: $tag, status: $status, first: $first, searched: $searched) {
      query
      total
      hits {
        product {
          ...ProductRef
          description
          tags
          usage { consumers }
          ratings { stars verified }
          sloStatus { met checks }
          duplicateGroup { canonical { iri } }
        }
        relevance
        multiplier
        score
        factors { name value reason }
        notes
      }
      facets { name values { value count } }
    }
  }
  ${PRODUCT_REF}
`;

/** How many hits a search page shows. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * The variables of SEARCH for a query and its filters. `searched` says whether a person has asked
 * it and sees the hits: false for the prefixes search-as-you-type sends while the person is still
 * typing, so only a settled query counts as impressions and may draw the exploration slot.
 */
export function searchVariables(query: { q: string; domain?: string; owner?: string; tag?: string; status?: string }, searched: boolean): Record<string, unknown> {
  return {
    q: query.q,
    first: SEARCH_PAGE_SIZE,
    searched,
    ...(query.domain && { domain: query.domain }),
    ...(query.owner && { owner: query.owner }),
    ...(query.tag && { tag: query.tag }),
    ...(query.status && { status: [query.status] }),
  };
}
