import type { Product } from '@quanta/model';
import type { SearchDocument } from '../ports/search-index.js';
import { toSearchDocument } from '../projections/search-document.js';
import type { CatalogDeps } from './deps.js';

/** Progress of a long reindex: documents done out of the total. */
export type ProgressListener = (done: number, total: number) => void;

/** What a reindex did. */
export interface ReindexReport {
  readonly documents: number;
  /** Products whose projection failed; each was reported through `onProjectionError`. */
  readonly failed: number;
  readonly millis: number;
}

const BATCH = 500;

/**
 * Rebuilds the search index from the knowledge graph: the index is a projection, so this is
 * always safe and always converges. Streams the graph in pages so memory stays flat, and skips
 * (and reports) a product it cannot project rather than leaving the index half-built. `inPlace`
 * writes over the documents instead of clearing them first, so searches meanwhile never see a
 * partial index; it converges too, since the graph never deletes a product (retiring keeps it).
 * A change committed meanwhile is in the outbox, and its projection, older or newer than the
 * page that held it, leaves the newest revision in the index (upserts keep the higher revision).
 */
export async function reindex(deps: CatalogDeps, onProgress?: ProgressListener, { inPlace = false } = {}): Promise<ReindexReport> {
  const started = deps.clock.now();
  const total = await deps.graph.countProducts();
  if (!inPlace) await deps.search.clear();
  let done = 0;
  let failed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await deps.graph.listProducts({}, { after, limit: BATCH });
    const documents = page.items.flatMap((product) => projectable(deps, product));
    failed += page.items.length - documents.length;
    if (documents.length > 0) await deps.search.upsert(documents);
    done += documents.length;
    onProgress?.(done + failed, total);
    if (!page.next) break;
    after = page.next;
  }
  // A cleared engine may have lost its settings' synonyms with its documents (a fresh index).
  deps.synonyms?.invalidate();
  await deps.synonyms?.refresh();
  return { documents: done, failed, millis: deps.clock.now() - started };
}

function projectable(deps: CatalogDeps, product: Product): SearchDocument[] {
  try {
    return [toSearchDocument(product)];
  } catch (error) {
    deps.onProjectionError?.(product.iri, error);
    return [];
  }
}
