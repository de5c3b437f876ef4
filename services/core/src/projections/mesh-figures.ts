import type { GodProduct, Iri, MeshWeek, ProductRef } from '@quanta/model';

/** One reported use, as the mesh report counts it. */
export interface Use {
  readonly product: Iri;
  readonly consumer: Iri;
  readonly at: number;
  readonly reads: number;
}

/** A time bucket, epoch ms, `from` inclusive and `to` exclusive. */
export interface Bucket {
  readonly from: number;
  readonly to: number;
}

/** `count` buckets of `days` days, oldest first, the last ending at `now`. */
export function buckets(now: number, count: number, days: number): Bucket[] {
  const span = days * 86_400_000;
  return Array.from({ length: count }, (_, i) => ({ from: now - (count - i) * span, to: now - (count - 1 - i) * span }));
}

/** The bucket `at` falls in; the last bucket includes its end (now). */
export function bucketOf(list: readonly Bucket[], at: number): number {
  const last = list.length - 1;
  return list.findIndex((b, i) => at >= b.from && (at < b.to || (i === last && at === b.to)));
}

/**
 * The network effect week by week: distinct (consumer, product) links, distinct consumers, distinct
 * pairs of domains a use crosses, and the share of reads that cross a domain boundary.
 */
export function interconnectionWeeks(uses: readonly Use[], weeks: readonly Bucket[], domainOf: (iri: Iri) => string): MeshWeek[] {
  const rows = weeks.map(() => ({ links: new Set<string>(), consumers: new Set<Iri>(), domains: new Set<string>(), reads: 0, crossing: 0 }));
  for (const u of uses) {
    const row = rows[bucketOf(weeks, u.at)];
    if (!row) continue;
    row.links.add(`${u.consumer}\n${u.product}`);
    row.consumers.add(u.consumer);
    const [from, to] = [domainOf(u.consumer), domainOf(u.product)];
    row.reads += u.reads;
    if (from !== to) {
      row.domains.add(`${from}\n${to}`);
      row.crossing += u.reads;
    }
  }
  return rows.map((r, i) => ({
    from: new Date((weeks[i] as Bucket).from).toISOString(),
    to: new Date((weeks[i] as Bucket).to).toISOString(),
    activeLinks: r.links.size,
    consumers: r.consumers.size,
    domainLinks: r.domains.size,
    ...(r.reads > 0 && { crossDomainShare: r.crossing / r.reads }),
  }));
}

/** What the god-product guard reads of one product. */
export interface DependentsOf {
  readonly product: ProductRef;
  readonly downstreamProducts: number;
  readonly consumers: number;
  /** Its SLO checks of the last 90 days, when it is a candidate. */
  readonly checks?: { readonly total: number; readonly failed: number };
}

/** Dependents at or above which a product is under the guard: max(floor, the catalog's 95th percentile). */
export function guardThreshold(dependents: readonly number[], floor = 20): number {
  if (dependents.length === 0) return floor;
  const sorted = [...dependents].sort((a, b) => a - b);
  return Math.max(floor, sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number);
}

/**
 * The god-product guard (research/ranking.md §B.6.5): many dependents, and slow or failing
 * change. Quanta receives no CI/CD events yet, so failing change is read from the product's own
 * guarantees: more than `failShare` of its SLO checks failed in 90 days. Most dependents first.
 */
export function godProducts(products: readonly DependentsOf[], threshold: number, failShare = 0.15): GodProduct[] {
  return products
    .map((p) => ({ p, dependents: p.downstreamProducts + p.consumers }))
    .filter(({ dependents }) => dependents >= threshold)
    .sort((x, y) => y.dependents - x.dependents || (x.p.product.iri < y.p.product.iri ? -1 : 1))
    .map(({ p, dependents }) => {
      const share = p.checks && p.checks.total > 0 ? p.checks.failed / p.checks.total : undefined;
      const guarded = share !== undefined && share > failShare;
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const reason = guarded
        ? `${dependents} dependents (threshold ${threshold}) and ${pct(share)} of its SLO checks failed in 90 days: high blast radius, consider splitting`
        : `${dependents} dependents (threshold ${threshold}); its guarantees hold${share === undefined ? ' (no checks reported)' : ` (${pct(share)} of checks failed)`}`;
      return {
        product: p.product,
        dependents,
        downstreamProducts: p.downstreamProducts,
        consumers: p.consumers,
        ...(share !== undefined && { sloFailureShare: share }),
        guard: guarded ? 'guarded' : 'watch',
        reason,
      } satisfies GodProduct;
    });
}
