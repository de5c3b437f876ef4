import type { SearchQuery } from '@/lib/gateway/types';

/** The search page's URL for a query and its filters; empty values are left out. */
export function searchHref(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'domain', 'owner', 'tag', 'status'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `/?${s}` : '/';
}
