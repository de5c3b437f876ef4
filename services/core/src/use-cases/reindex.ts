import type { Product } from '@quanta/model';
import type { SearchDocument } from '../ports/search-index.js';
import { pages, productPages } from '../projections/catalog-pages.js';
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

/** Product heads (IRI and revision, no descriptor) read at a time to requeue the whole catalog. */
const HEADS_PAGE = 5000;
/**
 * Documents written to the engine at a time. Meilisearch pays a fixed cost per indexing batch
 * that grows with the index (about half a second on a small machine), so a few large writes
 * rebuild 100k products many times faster than many small ones; 10k documents are ~20 MB.
 */
const WRITE = 10_000;

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
  try {
    return await rebuild(deps, onProgress, inPlace);
  } catch (error) {
    // A rebuild cut short (the engine failed mid-way) has cleared the index: every product goes
    // into the outbox, so the projector finishes the job once the engine takes writes again.
    await requeueAll(deps).catch(() => undefined);
    throw error;
  }
}

async function requeueAll(deps: CatalogDeps): Promise<void> {
  const at = new Date(deps.clock.now()).toISOString();
  for await (const heads of pages((page) => deps.graph.listProductHeads(page), HEADS_PAGE)) await deps.graph.enqueueProjections(heads, at);
  deps.projector?.wake();
}

async function rebuild(deps: CatalogDeps, onProgress: ProgressListener | undefined, inPlace: boolean): Promise<ReindexReport> {
  const started = deps.clock.now();
  const total = await deps.graph.countProducts();
  if (!inPlace) await deps.search.clear();
  let done = 0;
  let failed = 0;
  let buffer: SearchDocument[] = [];
  // One write in flight while the next pages are read: the graph and the engine work side by side.
  // Its failure is kept (never left unhandled) and thrown at the next flush or at the end.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await writing;
    if (failure) throw failure.error;
  };
  const flush = async () => {
    await settle();
    const documents = buffer;
    buffer = [];
    writing = deps.search.upsert(documents).then(
      () => {
        done += documents.length;
        onProgress?.(done + failed, total);
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };
  for await (const products of productPages(deps.graph)) {
    const documents = products.flatMap((product) => projectable(deps, product));
    failed += products.length - documents.length;
    buffer.push(...documents);
    if (buffer.length >= WRITE) await flush();
  }
  if (buffer.length > 0) await flush();
  await settle();
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
