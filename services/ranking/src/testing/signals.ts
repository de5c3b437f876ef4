import { DAY_MS } from '../params.js';
import type { ProductSignals } from '../factors/signals.js';

/** The instant the ranking tests are computed at. */
export const NOW = Date.UTC(2026, 10, 22);

/** `d` days before {@link NOW}, in epoch ms. */
export const daysAgo = (d: number): number => NOW - d * DAY_MS;

/** A year-old active product with one declared guarantee, no signals and plenty of impressions. */
export function testProduct(id = 'urn:p', over: Partial<ProductSignals> = {}): ProductSignals {
  return {
    id,
    name: id,
    ownerTeam: `urn:quanta:team:${id}-owners`,
    status: 'active',
    createdAt: daysAgo(400),
    consumers: [],
    ratings: [],
    guarantees: [{ name: 'table/freshness', target: 0.95 }],
    checks: [],
    examinations: 1000,
    ...over,
  };
}
