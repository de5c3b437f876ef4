import type { Iri } from '@quanta/model';

/**
 * One use of a product, as stored: idempotent on `key` (product, consumer, port and instant), so a
 * producer that re-sends its report changes nothing. Times are ISO 8601 UTC with milliseconds.
 */
export interface UsageRecord {
  readonly key: string;
  readonly product: Iri;
  /** A team (`urn:quanta:team:…`) or a data product. */
  readonly consumer: Iri;
  readonly port?: string;
  readonly at: string;
  /** Reads in this report; the ranking counts consumers, never reads, but reports show volume. */
  readonly count: number;
}

/** A consumer's rating of a product: one current rating per (product, consumer). */
export interface RatingRecord {
  readonly product: Iri;
  readonly consumer: Iri;
  /** The consumer's team: the team itself, or a consuming product's owner team. */
  readonly team: Iri;
  readonly stars: 1 | 2 | 3 | 4 | 5;
  readonly comment?: string;
  readonly at: string;
}

/** One check of a declared guarantee, idempotent on `key` (product, guarantee, instant). */
export interface SloCheckRecord {
  readonly key: string;
  readonly product: Iri;
  /** `<port>/<metric>`, or the metric alone when the check names no port. */
  readonly guarantee: string;
  readonly passed: boolean;
  readonly value?: number;
  readonly at: string;
}

/** Whether a signal was new, the same as one stored, or replaced one (ratings). */
export type SignalOutcome = 'stored' | 'duplicate' | 'updated';

/** A consumer's use of a product, summed over its reports. */
export interface ConsumerUsage {
  readonly consumer: Iri;
  readonly firstUsedAt: string;
  readonly lastUsedAt: string;
  readonly uses: number;
}

/** What the graph holds of one product's signals. */
export interface ProductSignalRecords {
  readonly product: Iri;
  readonly consumers: readonly ConsumerUsage[];
  /** The current rating of each consumer. */
  readonly ratings: readonly RatingRecord[];
  /** When every rating (current or replaced) was given, oldest first: bursts show here. */
  readonly ratingTimes: readonly string[];
  /** Checks at or after the `since` asked for, oldest first. */
  readonly checks: readonly Omit<SloCheckRecord, 'key' | 'product'>[];
}

/**
 * The signals half of the knowledge graph (ADR 0010): usage, ratings and SLO checks, stored
 * durably and idempotently beside the products they are about. The use cases check that the
 * products exist; the graph stores what it is given.
 */
export interface SignalGraph {
  /** Stores usage reports in one transaction; each is `stored` or a `duplicate` of its key. */
  recordUsage(records: readonly UsageRecord[]): Promise<readonly SignalOutcome[]>;
  /** Sets a consumer's current rating: `stored` (first), `updated` (changed) or `duplicate` (same stars and comment). */
  putRating(record: RatingRecord): Promise<SignalOutcome>;
  /** Stores SLO check results in one transaction; each is `stored` or a `duplicate` of its key. */
  recordSloChecks(records: readonly SloCheckRecord[]): Promise<readonly SignalOutcome[]>;
  /**
   * The signals of each product asked for that has any (every such product when `products` is
   * undefined), with the checks from `since` on; in product IRI order.
   */
  readSignals(products: readonly Iri[] | undefined, since: string): Promise<readonly ProductSignalRecords[]>;
  /**
   * The individual usage reports of the products asked for, at or after `since`, ordered by
   * product, then `at`, then key: what a usage report buckets by week and compares window to
   * window, which the per-consumer sums of `readSignals` cannot tell.
   */
  readUsageReports(products: readonly Iri[], since: string): Promise<readonly UsageRecord[]>;
}
