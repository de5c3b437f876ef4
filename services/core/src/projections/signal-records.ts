import type { ConsumerUsage, ProductSignalRecords, RatingRecord, SloCheckRecord } from '../ports/signal-graph.js';

/** The rows an adapter reads for `readSignals`, each naming its product, each list in the order to keep. */
export interface SignalRows {
  readonly usage: readonly (ConsumerUsage & { readonly product: string })[];
  readonly ratings: readonly RatingRecord[];
  readonly ratingTimes: readonly { readonly product: string; readonly at: string }[];
  readonly checks: readonly Omit<SloCheckRecord, 'key'>[];
}

/** Groups an adapter's signal rows by product, in product IRI order (`readSignals`' answer). */
export function groupSignals(rows: SignalRows): ProductSignalRecords[] {
  const byProduct = new Map<string, { consumers: ConsumerUsage[]; ratings: RatingRecord[]; ratingTimes: string[]; checks: ProductSignalRecords['checks'][number][] }>();
  const of = (product: string) => {
    let held = byProduct.get(product);
    if (!held) byProduct.set(product, (held = { consumers: [], ratings: [], ratingTimes: [], checks: [] }));
    return held;
  };
  for (const { product, ...use } of rows.usage) of(product).consumers.push(use);
  for (const r of rows.ratings) of(r.product).ratings.push(r);
  for (const t of rows.ratingTimes) of(t.product).ratingTimes.push(t.at);
  for (const { product, ...check } of rows.checks) of(product).checks.push(check);
  return [...byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([product, s]) => ({ product, ...s }));
}
