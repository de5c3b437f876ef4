import type { Iri, Product } from '@quanta/model';
import {
  type CatalogStats,
  catalogStats,
  DAY_MS,
  DEFAULT_RANKING_PARAMS,
  explorers,
  type Feedback,
  mayExplore,
  productFeedback,
  type ProductSignals,
  type RankingParams,
} from '@quanta/ranking';
import type { Clock } from '../ports/clock.js';
import type { RatingReviewEvent } from '../ports/insight-graph.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { ProductSignalRecords } from '../ports/signal-graph.js';
import { EXAMINATIONS } from './impression-log.js';
import { productSignals } from './product-signals.js';
import { SharedValues } from './sharing.js';
import { VoidedRatings } from './voided-ratings.js';
import { productPages } from '../projections/catalog-pages.js';
import { RebuildGuard } from '../projections/rebuild-guard.js';

/** What the balancing loop tells the ranking about a product (issue 7's insights). */
export interface Balancing {
  /** Set for a non-canonical member of a likely-duplicate group. */
  duplicateOf(iri: Iri): ProductSignals['duplicateOf'];
  /** Unused and superseded (or confidently poor) for weeks: the owner is asked to retire it. */
  flaggedForRetirement(iri: Iri): boolean;
}

/**
 * The feedback scores: a projection of the graph's signals (ADR 0010), held in memory and read by
 * search for every query. `rebuild` computes it whole (at start, and on a schedule, so evidence
 * decays and the catalog-wide numbers follow the catalog); `refresh` recomputes one product right
 * after a signal about it, against the last rebuild's catalog numbers, so the new signal shows in
 * search order at once. Losing it loses nothing: the graph holds every signal.
 */
export class FeedbackProjection {
  private feedback = new Map<Iri, Feedback>();
  /** What the factors read of each product, kept for the insights work's weekly look back. */
  private signals = new Map<Iri, ProductSignals>();
  private stats: CatalogStats;
  /** The balancing loop's verdicts (duplicate groups, retirement flags), once the insights work runs. */
  private balancing?: Balancing;
  private readonly guard = new RebuildGuard();
  /** Products exploring now, with their owner team (for the per-team quota) and examinations. */
  private exploring = new Map<Iri, { team: string; examinations: number }>();
  /** Ratings an admin voided (R3): kept in the graph, left out of ranking. */
  private voided = new VoidedRatings();

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly clock: Clock,
    /** The ranking parameters, for the factors here and for search's re-ranker. */
    readonly params: RankingParams = DEFAULT_RANKING_PARAMS,
  ) {
    this.stats = { usagePivot: params.usage.pivotFloor, ratingMean: params.rating.neutralMean };
  }

  /**
   * Lets the duplicate and lifecycle factors read the balancing loop. Set after construction,
   * since the insights work chooses each group's canonical by the feedback computed here.
   */
  balanceWith(balancing: Balancing): void {
    this.balancing = balancing;
  }

  /** What the factors last read of a product (its signals), if it is known. */
  signalsOf(iri: Iri): ProductSignals | undefined {
    return this.signals.get(iri);
  }

  /** The catalog-wide numbers of the last rebuild. */
  get catalog(): CatalogStats {
    return this.stats;
  }

  /** Every product's feedback, by IRI, as search's re-ranker takes it. */
  get all(): ReadonlyMap<Iri, Feedback> {
    return this.feedback;
  }

  /**
   * Whether a product may take the exploration slot: it explores, and searchers have examined it
   * fewer than `n0` times (research/ranking.md §B.7).
   */
  mayTakeSlot(iri: Iri): boolean {
    const e = this.exploring.get(iri);
    return e !== undefined && e.examinations < this.params.explore.n0;
  }

  /** Recomputes every product from the graph; products refreshed meanwhile are refreshed again after. */
  async rebuild(): Promise<void> {
    await this.guard.run(
      () => this.rebuildAll(),
      (iri) => this.refresh(iri),
    );
  }

  private async rebuildAll(): Promise<void> {
    const now = this.clock.now();
    this.voided = (await VoidedRatings.read(this.graph)).voided;
    const records = new Map((await this.graph.readSignals(undefined, this.since(now))).map((r) => [r.product, r]));
    const all: ProductSignals[] = [];
    for await (const products of productPages(this.graph)) {
      for (const product of products) all.push(await this.read(product, records.get(product.iri)));
    }
    this.stats = catalogStats(all, now, this.params);
    const exploring = explorers(all, now, this.params);
    this.exploring = new Map(all.filter((p) => exploring.has(p.id)).map((p) => [p.id, { team: p.ownerTeam, examinations: p.examinations }]));
    const feedback = new Map(all.map((p) => [p.id, this.score(p, now)]));
    const signals = new Map(all.map((p) => [p.id, p]));
    // What was refreshed while this rebuild read is newer than what it read: keep it (its entry,
    // or its absence) until the guard refreshes it again against the new catalog numbers.
    carryOver(this.guard.refreshedMeanwhile, this.feedback, feedback);
    carryOver(this.guard.refreshedMeanwhile, this.signals, signals);
    this.feedback = feedback;
    this.signals = signals;
  }

  /**
   * Recomputes one product after a signal (or a registration) about it; unknown products are
   * dropped. Pass the product when the caller holds it (a registration just wrote it).
   */
  async refresh(target: Iri | Product): Promise<void> {
    this.guard.note(typeof target === 'string' ? target : target.iri);
    const now = this.clock.now();
    const product = typeof target === 'string' ? await this.graph.getProduct(target) : target;
    if (!product) {
      this.feedback.delete(target as Iri);
      this.signals.delete(target as Iri);
      this.exploring.delete(target as Iri);
      return;
    }
    const [records] = await this.graph.readSignals([product.iri], this.since(now));
    const signals = await this.read(product, records);
    this.updateExploring(signals, now);
    this.signals.set(product.iri, signals);
    this.feedback.set(product.iri, this.score(signals, now));
  }

  /**
   * Rescores products whose balancing verdict changed (a duplicate group formed or dissolved, a
   * flag raised): their signals did not change, so nothing is read from the graph.
   */
  rescore(iris: Iterable<Iri>): void {
    const now = this.clock.now();
    for (const iri of iris) {
      const signals = this.signals.get(iri);
      if (signals) this.feedback.set(iri, this.score(signals, now));
    }
  }

  /**
   * Keeps one product's exploration up to date between rebuilds: a product registered since joins
   * if its team's quota has room; one no longer eligible (retired, deprecated) leaves. The next
   * rebuild re-picks each team's least-seen products.
   */
  private updateExploring(p: ProductSignals, now: number): void {
    if (!mayExplore(p, now, this.params)) {
      this.exploring.delete(p.id);
      return;
    }
    const current = this.exploring.get(p.id);
    if (current) {
      current.examinations = p.examinations;
      return;
    }
    let team = 0;
    for (const e of this.exploring.values()) if (e.team === p.ownerTeam) team += 1;
    if (team < this.params.explore.perTeam) this.exploring.set(p.id, { team: p.ownerTeam, examinations: p.examinations });
  }

  /**
   * Takes an admin's review of a consumer's ratings into account at once (the next rebuild reads
   * it from the graph again), and rescores the products it names.
   */
  async review(event: RatingReviewEvent): Promise<void> {
    this.voided.apply(event);
    for (const product of event.products) await this.refresh(product);
  }

  /** What the factors read of a product: its stored signals (less voided ratings), lineage consumers and examinations. */
  private async read(product: Product, records: ProductSignalRecords | undefined): Promise<ProductSignals> {
    const [lineage, counters] = await Promise.all([this.graph.lineageConsumers(product.iri), this.graph.readCounters(product.iri)]);
    const counted = records && !this.voided.isEmpty ? { ...records, ratings: records.ratings.filter((r) => !this.voided.has(product.iri, r.consumer)) } : records;
    return productSignals(product, counted, lineage, counters[EXAMINATIONS] ?? 0);
  }

  /** The start of the SLO window: older checks no longer count. */
  private since(now: number): string {
    return new Date(now - this.params.slo.windowDays * DAY_MS).toISOString();
  }

  private score(p: ProductSignals, now: number): Feedback {
    const duplicateOf = this.balancing?.duplicateOf(p.id);
    const flaggedForRetirement = this.balancing?.flaggedForRetirement(p.id) ?? false;
    const balanced = { ...p, exploring: this.exploring.has(p.id), ...(duplicateOf && { duplicateOf }), ...(flaggedForRetirement && { flaggedForRetirement }) };
    return shareFeedback(productFeedback(balanced, now, this.stats, this.params));
  }
}

/** Copies the current entry (or absence) of each of `iris` from `current` into `next`. */
function carryOver<T>(iris: ReadonlySet<Iri>, current: ReadonlyMap<Iri, T>, next: Map<Iri, T>): void {
  for (const iri of iris) {
    const entry = current.get(iri);
    if (entry === undefined) next.delete(iri);
    else next.set(iri, entry);
  }
}

const feedbacks = new SharedValues<Feedback>();

/** One feedback object for every product whose factors read the same (most of a large catalog). */
function shareFeedback(feedback: Feedback): Feedback {
  const key = feedback.factors.map((f) => `${f.name}\u0000${f.value}\u0000${f.reason}`).join('\u0001');
  return feedbacks.share(feedback.successor === undefined ? key : `${key}\u0002${feedback.successor}`, feedback);
}
