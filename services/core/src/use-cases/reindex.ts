import { toSearchDocument } from '../projections/search-document.js';
import type { CatalogDeps } from './deps.js';

/** Progress of a long reindex: documents done out of the total. */
export type ProgressListener = (done: number, total: number) => void;

/** What a reindex did. */
export interface ReindexReport {
  readonly documents: number;
  readonly millis: number;
}

const BATCH = 500;

/**
 * Rebuilds the search index from the knowledge graph: the index is a projection, so this is
 * always safe and always converges. Streams the graph in pages so memory stays flat.
 */
export async function reindex(deps: CatalogDeps, onProgress?: ProgressListener): Promise<ReindexReport> {
  const started = deps.clock.now();
  const total = await deps.graph.countProducts();
  await deps.search.clear();
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const page = await deps.graph.listProducts({}, { after, limit: BATCH });
    if (page.items.length > 0) await deps.search.upsert(page.items.map(toSearchDocument));
    done += page.items.length;
    onProgress?.(done, total);
    if (!page.next) break;
    after = page.next;
  }
  return { documents: done, millis: deps.clock.now() - started };
}
