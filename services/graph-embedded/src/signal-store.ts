import type Database from 'better-sqlite3';
import { groupSignals, type ProductSignalRecords, type RatingRecord, type SignalOutcome, type SloCheckRecord, type UsageRecord } from '@quanta/core';
import type { Iri } from '@quanta/model';
import type { Terms } from './terms.js';

type Id = number;
interface UsageRow {
  product: string;
  consumer: string;
  first_used_at: string;
  last_used_at: string;
  uses: number;
}
interface RatingRow {
  product: string;
  consumer: string;
  team: string;
  stars: RatingRecord['stars'];
  comment: string | null;
  at: string;
}
interface ReportRow {
  key: string;
  product: string;
  consumer: string;
  port: string | null;
  at: string;
  count: number;
}
interface CheckRow {
  product: string;
  guarantee: string;
  passed: number;
  value: number | null;
  at: string;
}

// The products a read is about: those asked for (a JSON array), or every one with a signal.
const PRODUCTS = `ps(id) AS (
  SELECT t.id FROM json_each(@products) j JOIN terms t ON t.iri = j.value WHERE @products IS NOT NULL
  UNION SELECT product FROM usage WHERE @products IS NULL
  UNION SELECT product FROM ratings WHERE @products IS NULL
  UNION SELECT product FROM slo_checks WHERE @products IS NULL)`;
// Each read starts from those products (CROSS JOIN fixes SQLite's join order): left to itself, the
// planner walked the whole terms index in IRI order to serve ORDER BY, a scan per refreshed product.

/** The signals half of the embedded graph (ADR 0010): one transaction per call. */
export class SqliteSignalStore {
  private readonly st;

  constructor(
    private readonly db: Database.Database,
    private readonly terms: Terms,
  ) {
    this.st = {
      insertReport: db.prepare<[{ key: string; product: Id; consumer: Id; port: string | null; at: string; count: number }]>(
        'INSERT INTO usage_reports (key, product, consumer, port, at, count) VALUES (@key, @product, @consumer, @port, @at, @count) ON CONFLICT(key) DO NOTHING',
      ),
      addUse: db.prepare<[{ product: Id; consumer: Id; at: string; count: number }]>(
        `INSERT INTO usage (product, consumer, first_used_at, last_used_at, uses) VALUES (@product, @consumer, @at, @at, @count)
         ON CONFLICT(product, consumer) DO UPDATE SET first_used_at = min(first_used_at, excluded.first_used_at),
           last_used_at = max(last_used_at, excluded.last_used_at), uses = uses + excluded.uses`,
      ),
      rating: db.prepare<[Id, Id], { stars: number; comment: string | null }>('SELECT stars, comment FROM ratings WHERE product = ? AND consumer = ?'),
      putRating: db.prepare<[{ product: Id; consumer: Id; team: Id; stars: number; comment: string | null; at: string }]>(
        `INSERT INTO ratings (product, consumer, team, stars, comment, at) VALUES (@product, @consumer, @team, @stars, @comment, @at)
         ON CONFLICT(product, consumer) DO UPDATE SET team = excluded.team, stars = excluded.stars, comment = excluded.comment, at = excluded.at`,
      ),
      ratingTime: db.prepare<[Id, string, Id]>('INSERT OR IGNORE INTO rating_times (product, at, consumer) VALUES (?, ?, ?)'),
      insertCheck: db.prepare<[{ key: string; product: Id; guarantee: string; passed: number; value: number | null; at: string }]>(
        'INSERT INTO slo_checks (key, product, guarantee, passed, value, at) VALUES (@key, @product, @guarantee, @passed, @value, @at) ON CONFLICT(key) DO NOTHING',
      ),
      usage: db.prepare<[{ products: string | null }], UsageRow>(
        `WITH ${PRODUCTS} SELECT p.iri AS product, c.iri AS consumer, u.first_used_at, u.last_used_at, u.uses
           FROM ps CROSS JOIN usage u ON u.product = ps.id CROSS JOIN terms p ON p.id = u.product CROSS JOIN terms c ON c.id = u.consumer ORDER BY product, consumer`,
      ),
      ratings: db.prepare<[{ products: string | null }], RatingRow>(
        `WITH ${PRODUCTS} SELECT p.iri AS product, c.iri AS consumer, t.iri AS team, r.stars, r.comment, r.at
           FROM ps CROSS JOIN ratings r ON r.product = ps.id CROSS JOIN terms p ON p.id = r.product CROSS JOIN terms c ON c.id = r.consumer
           CROSS JOIN terms t ON t.id = r.team ORDER BY product, consumer`,
      ),
      ratingTimes: db.prepare<[{ products: string | null }], { product: string; at: string }>(
        `WITH ${PRODUCTS} SELECT p.iri AS product, r.at FROM ps CROSS JOIN rating_times r ON r.product = ps.id CROSS JOIN terms p ON p.id = r.product ORDER BY product, r.at`,
      ),
      checks: db.prepare<[{ products: string | null; since: string }], CheckRow>(
        `WITH ${PRODUCTS} SELECT p.iri AS product, c.guarantee, c.passed, c.value, c.at
           FROM ps CROSS JOIN slo_checks c ON c.product = ps.id AND c.at >= @since CROSS JOIN terms p ON p.id = c.product ORDER BY product, c.at, c.guarantee`,
      ),
      // Seeks usage_reports_product (product, at) from each product asked for, as the reads above do.
      reports: db.prepare<[{ products: string; since: string }], ReportRow>(
        `SELECT r.key, p.iri AS product, c.iri AS consumer, r.port, r.at, r.count
           FROM json_each(@products) j CROSS JOIN terms p ON p.iri = j.value CROSS JOIN usage_reports r ON r.product = p.id AND r.at >= @since
           CROSS JOIN terms c ON c.id = r.consumer ORDER BY product, r.at, r.key`,
      ),
    };
  }

  recordUsage(records: readonly UsageRecord[]): SignalOutcome[] {
    return this.db.transaction(() =>
      records.map((r): SignalOutcome => {
        const row = { key: r.key, product: this.terms.id(r.product), consumer: this.terms.id(r.consumer), port: r.port ?? null, at: r.at, count: r.count };
        if (this.st.insertReport.run(row).changes === 0) return 'duplicate';
        this.st.addUse.run(row);
        return 'stored';
      }),
    )();
  }

  putRating(r: RatingRecord): SignalOutcome {
    return this.db.transaction((): SignalOutcome => {
      const [product, consumer] = [this.terms.id(r.product), this.terms.id(r.consumer)];
      const held = this.st.rating.get(product, consumer);
      if (held && held.stars === r.stars && (held.comment ?? undefined) === r.comment) return 'duplicate';
      this.st.putRating.run({ product, consumer, team: this.terms.id(r.team), stars: r.stars, comment: r.comment ?? null, at: r.at });
      this.st.ratingTime.run(product, r.at, consumer);
      return held ? 'updated' : 'stored';
    })();
  }

  recordSloChecks(records: readonly SloCheckRecord[]): SignalOutcome[] {
    return this.db.transaction(() =>
      records.map((c): SignalOutcome => {
        const row = { key: c.key, product: this.terms.id(c.product), guarantee: c.guarantee, passed: c.passed ? 1 : 0, value: c.value ?? null, at: c.at };
        return this.st.insertCheck.run(row).changes === 0 ? 'duplicate' : 'stored';
      }),
    )();
  }

  readUsageReports(products: readonly Iri[], since: string): UsageRecord[] {
    if (products.length === 0) return [];
    return this.st.reports.all({ products: JSON.stringify([...new Set(products)]), since }).map((r) => ({
      key: r.key,
      product: r.product,
      consumer: r.consumer,
      ...(r.port !== null && { port: r.port }),
      at: r.at,
      count: r.count,
    }));
  }

  readSignals(products: readonly Iri[] | undefined, since: string): ProductSignalRecords[] {
    const ask = { products: products === undefined ? null : JSON.stringify(products) };
    return groupSignals({
      usage: this.st.usage.all(ask).map((u) => ({ product: u.product, consumer: u.consumer, firstUsedAt: u.first_used_at, lastUsedAt: u.last_used_at, uses: u.uses })),
      ratings: this.st.ratings.all(ask).map((r) => ({ product: r.product, consumer: r.consumer, team: r.team, stars: r.stars, ...(r.comment !== null && { comment: r.comment }), at: r.at })),
      ratingTimes: this.st.ratingTimes.all(ask),
      checks: this.st.checks.all({ ...ask, since }).map((c) => ({ product: c.product, guarantee: c.guarantee, passed: c.passed === 1, ...(c.value !== null && { value: c.value }), at: c.at })),
    });
  }
}
