import { groupSignals, type ProductSignalRecords, type RatingRecord, type SignalOutcome, type SloCheckRecord, type UsageRecord } from '@quanta/core';
import type { Iri } from '@quanta/model';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import * as q from './signal-queries.js';

/** The key of one consumer's sum, or of one consumer's rating, of a product. */
const pairKey = (product: Iri, consumer: Iri) => `${product}\n${consumer}`;
const outcome = (created: boolean): SignalOutcome => (created ? 'stored' : 'duplicate');

/** Stores usage reports (see RECORD_USAGE). */
export async function recordUsage(tx: ManagedTransaction, records: readonly UsageRecord[]): Promise<SignalOutcome[]> {
  const reports = records.map((r) => ({ ...r, port: r.port ?? null, count: neo4j.int(r.count), usageKey: pairKey(r.product, r.consumer) }));
  const result = await tx.run<{ created: boolean }>(q.RECORD_USAGE, { reports });
  return result.records.map((r) => outcome(r.get('created')));
}

/** Sets a consumer's current rating (see PUT_RATING). */
export async function putRating(tx: ManagedTransaction, r: RatingRecord): Promise<SignalOutcome> {
  const params = { key: pairKey(r.product, r.consumer), product: r.product, consumer: r.consumer, team: r.team, stars: neo4j.int(r.stars), comment: r.comment ?? null, at: r.at };
  const record = (await tx.run<{ created: boolean; same: boolean }>(q.PUT_RATING, params)).records[0];
  if (!record) throw new Error('PUT_RATING returned no row');
  return record.get('created') ? 'stored' : record.get('same') ? 'duplicate' : 'updated';
}

/** Stores SLO checks (see RECORD_SLO_CHECKS). */
export async function recordSloChecks(tx: ManagedTransaction, records: readonly SloCheckRecord[]): Promise<SignalOutcome[]> {
  const checks = records.map((c) => ({ ...c, value: c.value ?? null }));
  const result = await tx.run<{ created: boolean }>(q.RECORD_SLO_CHECKS, { checks });
  return result.records.map((r) => outcome(r.get('created')));
}

/** The signals of some products, or of all (see READ_SIGNALS). */
export async function readSignals(tx: ManagedTransaction, products: readonly Iri[] | undefined, since: string): Promise<ProductSignalRecords[]> {
  const form = products === undefined ? q.READ_SIGNALS.every : q.READ_SIGNALS.some;
  const params = { products: products ?? [], since };
  const [usage, ratings, checks] = await Promise.all([tx.run(form.usage, params), tx.run(form.ratings, params), tx.run(form.checks, params)]);
  const rated = ratings.records.map((r) => r.toObject());
  return groupSignals({
    usage: usage.records.map((r) => ({ product: r.get('product'), consumer: r.get('consumer'), firstUsedAt: r.get('firstUsedAt'), lastUsedAt: r.get('lastUsedAt'), uses: neo4j.integer.toNumber(r.get('uses')) })),
    ratings: rated.map((r) => ({ product: r.product, consumer: r.consumer, team: r.team, stars: neo4j.integer.toNumber(r.stars) as RatingRecord['stars'], ...(r.comment !== null && { comment: r.comment }), at: r.at })),
    ratingTimes: rated.flatMap((r) => (r.times as string[]).map((at) => ({ product: r.product as string, at }))).sort((a, b) => (a.product < b.product ? -1 : a.product > b.product ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    checks: checks.records.map((r) => ({ product: r.get('product'), guarantee: r.get('guarantee'), passed: r.get('passed'), ...(r.get('value') !== null && { value: r.get('value') }), at: r.get('at') })),
  });
}

/** The usage reports of some products from an instant on (see READ_USAGE_REPORTS). */
export async function readUsageReports(tx: ManagedTransaction, products: readonly Iri[], since: string): Promise<UsageRecord[]> {
  const result = await tx.run(q.READ_USAGE_REPORTS, { products: [...new Set(products)], since });
  return result.records.map((r) => ({
    key: r.get('key'),
    product: r.get('product'),
    consumer: r.get('consumer'),
    ...(r.get('port') !== null && { port: r.get('port') }),
    at: r.get('at'),
    count: neo4j.integer.toNumber(r.get('count')),
  }));
}
