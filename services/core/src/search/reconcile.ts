import type { Iri } from '@quanta/model';
import type { Clock } from '../ports/clock.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { ProductHead } from '../ports/search-outbox.js';
import { pages } from '../projections/catalog-pages.js';

/** What a comparison of the search index with the graph found (and, unless a dry run, repaired). */
export interface ReconcileReport {
  /** Products in the graph, and documents in the index, when compared. */
  readonly products: number;
  readonly documents: number;
  /** Products without a document, and not waiting in the outbox for one. */
  readonly missing: number;
  /**
   * Documents of another revision than the product's: older (a projection lost), or newer (a
   * graph restored from a backup behind the index, whose next changes the index would refuse),
   * and not waiting in the outbox.
   */
  readonly stale: number;
  /** Documents of no product (an index shared with a wiped graph, a test's leftovers). */
  readonly orphaned: number;
  /** Outbox entries waiting when the comparison ended: products on their way to the index. */
  readonly pending: number;
  /** A few IRIs of each kind, for the log and the operator. */
  readonly examples: { readonly missing: readonly Iri[]; readonly stale: readonly Iri[]; readonly orphaned: readonly Iri[] };
  /** Whether missing and stale products were put in the outbox and orphans removed. */
  readonly repaired: boolean;
  readonly millis: number;
}

const PAGE = 5000;
/** Outbox entries read to tell "on its way" from "lost": a backlog beyond it is reported and requeued, harmlessly. */
const MAX_QUEUED = 200_000;
const EXAMPLES = 10;

/**
 * The reconciler (DESIGN.md §9.2): compares every product's revision in the graph with the
 * document the index holds. Missing and stale products go into the outbox, so the projector
 * repairs them with its own retries; orphaned documents are removed. Memory is one IRI and number
 * per product (a few MB at 100k); the documents themselves are never read.
 */
export async function reconcile(graph: KnowledgeGraph, search: SearchIndex, clock: Clock, { repair = true } = {}): Promise<ReconcileReport> {
  const started = clock.now();
  // Read first: a product waiting in the outbox is on its way, not missing (a write committed
  // during the comparison lands here too, so it is not reported either).
  const queued = new Set((await graph.pendingProjections(MAX_QUEUED)).map((e) => e.iri));
  const heads = await readHeads(graph);
  const stale: ProductHead[] = [];
  const ahead: Iri[] = [];
  const unknown: Iri[] = [];
  const seen = new Set<Iri>();
  let documents = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await search.indexedRevisions(offset, PAGE);
    documents += page.length;
    for (const { iri, revision } of page) {
      seen.add(iri);
      const head = heads.get(iri);
      if (head === undefined) unknown.push(iri);
      else if (revision !== head && !queued.has(iri)) {
        stale.push({ iri, revision: head });
        if (revision > head) ahead.push(iri);
      }
    }
    if (page.length < PAGE) break;
  }
  const missing: ProductHead[] = [];
  for (const [iri, revision] of heads) if (!seen.has(iri) && !queued.has(iri)) missing.push({ iri, revision });
  // A product registered after the graph was read already has its document: not an orphan.
  const orphaned = await stillUnknown(graph, unknown);
  if (repair) {
    // A document ahead of the graph goes first: an upsert keeps the higher revision, so the
    // graph's would be refused. Removing before enqueueing leaves it missing, never wrong, meanwhile.
    if (orphaned.length + ahead.length > 0) await search.remove([...orphaned, ...ahead]);
    if (missing.length + stale.length > 0) await graph.enqueueProjections([...missing, ...stale], new Date(clock.now()).toISOString());
  }
  const { pending } = await graph.outboxStatus();
  return {
    products: heads.size,
    documents,
    missing: missing.length,
    stale: stale.length,
    orphaned: orphaned.length,
    pending,
    examples: { missing: missing.slice(0, EXAMPLES).map((h) => h.iri), stale: stale.slice(0, EXAMPLES).map((h) => h.iri), orphaned: orphaned.slice(0, EXAMPLES) },
    repaired: repair,
    millis: clock.now() - started,
  };
}

async function readHeads(graph: KnowledgeGraph): Promise<Map<Iri, number>> {
  const heads = new Map<Iri, number>();
  for await (const items of pages((page) => graph.listProductHeads(page), PAGE)) {
    for (const { iri, revision } of items) heads.set(iri, revision);
  }
  return heads;
}

async function stillUnknown(graph: KnowledgeGraph, iris: readonly Iri[]): Promise<Iri[]> {
  const gone: Iri[] = [];
  for (let k = 0; k < iris.length; k += PAGE) {
    const chunk = iris.slice(k, k + PAGE);
    const products = await graph.getProducts(chunk);
    chunk.forEach((iri, i) => {
      if (!products[i]) gone.push(iri);
    });
  }
  return gone;
}
