import { Search } from '@/components/search/search';
import { GatewayError } from '@/lib/gateway/client';
import { searchProducts } from '@/lib/gateway/queries/search';
import type { ProductStatus, SearchQuery } from '@/lib/gateway/types';

type Params = Record<string, string | string[] | undefined>;

const STATUSES: readonly string[] = ['draft', 'active', 'deprecated', 'retired'];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 512) || undefined;

/** The search page: the first results server-rendered, then search-as-you-type in the browser. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const status = one(params.status);
  const query: SearchQuery = {
    q: one(params.q) ?? '',
    domain: one(params.domain),
    owner: one(params.owner),
    tag: one(params.tag),
    status: status && STATUSES.includes(status) ? (status as ProductStatus) : undefined,
  };
  // The search engine down is a state of the page, not a broken page: the box stays, typing retries.
  const initial = await searchProducts(query).catch((err: unknown) => {
    if (err instanceof GatewayError && err.unavailable) return null;
    throw err;
  });
  // A new address (a facet, the nav link back to the bare page) starts the search afresh.
  return <Search key={JSON.stringify(query)} initial={initial ?? { query: query.q, total: 0, hits: [], facets: [] }} query={query} unavailable={initial === null} />;
}
