import 'server-only';
import { gql } from '../client';
import { SEARCH, searchVariables } from '../documents';
import type { SearchQuery, SearchView } from '../types';

/**
 * A ranked search as the search page renders it first, before the browser takes over typing. A
 * page opened with a query counts as that query searched; the bare page (no query) does not.
 */
export async function searchProducts(query: SearchQuery): Promise<SearchView> {
  const data = await gql<{ search: SearchView }>(SEARCH, searchVariables(query, query.q.trim() !== ''));
  return data.search;
}
