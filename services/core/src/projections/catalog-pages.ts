import type { Iri, Product } from '@quanta/model';
import type { KnowledgeGraph, Page, PageRequest, ProductFilter } from '../ports/knowledge-graph.js';

/**
 * Products read at a time by a pass over the whole catalog (reports, rebuilds, re-indexing): large
 * enough that a 100k catalog takes 200 round trips, small enough that one page stays a few MB.
 */
export const PRODUCT_PAGE = 500;

/**
 * Every page of a keyset-paged listing, in order, each asked for after the last key of the one
 * before. The whole-catalog passes walk the graph this way, so the cursor loop lives here once.
 */
export async function* pages<T>(read: (page: PageRequest) => Promise<Page<T>>, limit: number): AsyncGenerator<readonly T[]> {
  for (let after: Iri | undefined; ; ) {
    const page = await read({ ...(after !== undefined && { after }), limit });
    yield page.items;
    if (!page.next) return;
    after = page.next;
  }
}

/** The products `filter` selects (all of them by default), a page at a time, in IRI order. */
export function productPages(graph: Pick<KnowledgeGraph, 'listProducts'>, filter: ProductFilter = {}, limit = PRODUCT_PAGE): AsyncGenerator<readonly Product[]> {
  return pages((page) => graph.listProducts(filter, page), limit);
}
