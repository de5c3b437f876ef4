import type { Iri } from '@quanta/model';
import { type CatalogStats, catalogStats, DAY_MS, DEFAULT_RANKING_PARAMS, explorers, type Feedback, productFeedback, type ProductSignals, type RankingParams } from '@quanta/ranking';
import type { Clock } from '../ports/clock.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import { productSignals } from './product-signals.js';

/** How many products a rebuild reads from the graph at a time. */
const PAGE = 500;

/**
 * The feedback scores: a projection of the graph's signals (ADR 0010), held in memory and read by
 * search for every query. `rebuild` computes it whole (at start, and on a schedule, so evidence
 * decays and the catalog-wide numbers follow the catalog); `refresh` recomputes one product right
 * after a signal about it, against the last rebuild's catalog numbers, so the new signal shows in
 * search order at once. Losing it loses nothing: the graph holds every signal.
 */
export class FeedbackProjection {
  private feedback = new Map<Iri, Feedback>();
  private signals = new Map<Iri, ProductSignals>();
  private stats: CatalogStats;
  private exploring = new Set<Iri>();

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly clock: Clock,
    private readonly params: RankingParams = DEFAULT_RANKING_PARAMS,
  ) {
    this.stats = { usagePivot: params.usage.pivotFloor, ratingMean: params.rating.neutralMean };
  }

  /** Every product's feedback, by IRI, as search's re-ranker takes it. */
  get all(): ReadonlyMap<Iri, Feedback> {
    return this.feedback;
  }

  /** Recomputes every product from the graph. */
  async rebuild(): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now - this.params.slo.windowDays * DAY_MS).toISOString();
    const records = new Map((await this.graph.readSignals(undefined, since)).map((r) => [r.product, r]));
    const signals = new Map<Iri, ProductSignals>();
    for (let after: Iri | undefined; ; ) {
      const page = await this.graph.listProducts({}, { ...(after !== undefined && { after }), limit: PAGE });
      for (const product of page.items) {
        const [lineage, counters] = await Promise.all([this.graph.lineageConsumers(product.iri), this.graph.readCounters(product.iri)]);
        signals.set(product.iri, productSignals(product, records.get(product.iri), lineage, counters.examinations ?? 0));
      }
      if (!page.next) break;
      after = page.next;
    }
    const all = [...signals.values()];
    this.stats = catalogStats(all, now, this.params);
    this.exploring = explorers(all, now, this.params);
    this.signals = signals;
    this.feedback = new Map(all.map((p) => [p.id, this.score(p, now)]));
  }

  /** Recomputes one product after a signal (or a registration) about it; unknown products are dropped. */
  async refresh(iri: Iri): Promise<void> {
    const now = this.clock.now();
    const product = await this.graph.getProduct(iri);
    if (!product) {
      this.feedback.delete(iri);
      this.signals.delete(iri);
      return;
    }
    const since = new Date(now - this.params.slo.windowDays * DAY_MS).toISOString();
    const [[records], lineage, counters] = await Promise.all([this.graph.readSignals([iri], since), this.graph.lineageConsumers(iri), this.graph.readCounters(iri)]);
    const signals = productSignals(product, records, lineage, counters.examinations ?? 0);
    this.signals.set(iri, signals);
    this.feedback.set(iri, this.score(signals, now));
  }

  private score(p: ProductSignals, now: number): Feedback {
    return productFeedback({ ...p, exploring: this.exploring.has(p.id) }, now, this.stats, this.params);
  }
}
