import { type Iri, type LoopWeek, type MeshReport, type Product, teamIri } from '@quanta/model';
import { DAY_MS } from '@quanta/ranking';
import { productPages } from '../projections/catalog-pages.js';
import { DomainIndex } from '../projections/domain-index.js';
import { bucketOf, buckets, type DependentsOf, godProducts, guardThreshold, interconnectionWeeks, type Use } from '../projections/mesh-figures.js';
import type { CatalogDeps } from './deps.js';

/** How many weeks the report looks back. */
const WEEKS = 12;
/** The share of consumption on canonicals is measured over the last four weeks. */
const RECENT_DAYS = 28;
/** The god-product guard's failing-change window (research/ranking.md §B.6.5). */
const CHANGE_DAYS = 90;
const PAGE = 500;

/**
 * `GET /api/v1/reports/mesh`: the mesh as a whole. Interconnections week by week (the network
 * effect), product links between domains, products under the god-product guard, and the
 * balancing loop's health: duplicate groups, the share of consumption their canonicals get, and
 * products flagged and retired week by week.
 */
export async function meshReport(deps: CatalogDeps): Promise<MeshReport> {
  const now = deps.clock.now();
  const weeks = buckets(now, WEEKS, 7);
  const since = new Date((weeks[0] as { from: number }).from).toISOString();
  const domains = new DomainIndex();
  const live: Product[] = [];
  const retiredAt: number[] = [];
  for await (const products of productPages(deps.graph)) {
    for (const p of products) {
      domains.add(p);
      if (p.descriptor.status === 'retired') retiredAt.push(Date.parse(p.recordedAt));
      else live.push(p);
    }
  }
  const uses: Use[] = [];
  const downstream = new Map<Iri, Set<Iri>>();
  for (let i = 0; i < live.length; i += PAGE) {
    const iris = live.slice(i, i + PAGE).map((p) => p.iri);
    const [reports, links] = await Promise.all([deps.graph.readUsageReports(iris, since), deps.graph.productLinks(iris, 'downstream')]);
    for (const r of reports) uses.push({ product: r.product, consumer: r.consumer, at: Date.parse(r.at), reads: r.count });
    for (const l of links) downstream.set(l.from, (downstream.get(l.from) ?? new Set()).add(l.to));
  }
  const ownerOf = new Map(live.map((p) => [p.iri, teamIri(p.descriptor.owner.team)]));
  // A team's use of its own product is not an interconnection.
  const foreign = uses.filter((u) => u.consumer !== ownerOf.get(u.product));
  const domainLinks = new Map<string, number>();
  let productLinks = 0;
  for (const [from, tos] of downstream) {
    for (const to of tos) {
      productLinks += 1;
      const key = `${domains.domainOf(from)}\n${domains.domainOf(to)}`;
      if (domains.domainOf(from) !== domains.domainOf(to)) domainLinks.set(key, (domainLinks.get(key) ?? 0) + 1);
    }
  }

  const consumersOf = new Map<Iri, Set<Iri>>();
  for (const u of foreign) consumersOf.set(u.product, (consumersOf.get(u.product) ?? new Set()).add(u.consumer));
  // A downstream product that also reports its use is one dependent, not two.
  const dependents: DependentsOf[] = live.map((p) => {
    const below = downstream.get(p.iri) ?? new Set<Iri>();
    return {
      product: { iri: p.iri, name: p.descriptor.name, domain: p.descriptor.domain, owner: p.descriptor.owner.team },
      downstreamProducts: below.size,
      consumers: [...(consumersOf.get(p.iri) ?? [])].filter((c) => !below.has(c)).length,
    };
  });
  const threshold = guardThreshold(dependents.map((d) => d.downstreamProducts + d.consumers));
  const candidates = dependents.filter((d) => d.downstreamProducts + d.consumers >= threshold);
  const checks = await deps.graph.readSignals(
    candidates.map((c) => c.product.iri),
    new Date(now - CHANGE_DAYS * DAY_MS).toISOString(),
  );
  const checksOf = new Map(checks.map((s) => [s.product, { total: s.checks.length, failed: s.checks.filter((c) => !c.passed).length }]));

  return {
    generatedAt: new Date(now).toISOString(),
    size: {
      products: live.length,
      domains: new Set(live.map((p) => p.descriptor.domain)).size,
      teams: new Set(live.map((p) => p.descriptor.owner.team)).size,
      productLinks,
    },
    interconnections: {
      weeks: interconnectionWeeks(foreign, weeks, (iri) => domains.domainOf(iri)),
      domainLinks: [...domainLinks]
        .map(([key, links]) => {
          const [from, to] = key.split('\n') as [string, string];
          return { from, to, links };
        })
        .sort((x, y) => y.links - x.links || (x.from + x.to < y.from + y.to ? -1 : 1)),
    },
    godProducts: { threshold, products: godProducts(candidates.map((c) => ({ ...c, ...(checksOf.has(c.product.iri) && { checks: checksOf.get(c.product.iri) }) })), threshold) },
    loopHealth: await loopHealth(deps, foreign, live, retiredAt, weeks, now),
  };
}

/** Duplicate groups and the share of recent reads their canonicals get; flags and retirements by week. */
async function loopHealth(deps: CatalogDeps, uses: readonly Use[], live: readonly Product[], retiredAt: readonly number[], weeks: ReturnType<typeof buckets>, now: number): Promise<MeshReport['loopHealth']> {
  const insights = deps.insights;
  await insights?.settled();
  const groups = insights?.duplicateGroups ?? [];
  const canonicalOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.canonical] as const)));
  let grouped = 0;
  let canonical = 0;
  for (const u of uses) {
    if (u.at < now - RECENT_DAYS * DAY_MS || !canonicalOf.has(u.product)) continue;
    grouped += u.reads;
    if (canonicalOf.get(u.product) === u.product) canonical += u.reads;
  }
  const rows: LoopWeek[] = weeks.map((w) => ({ from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString(), flagged: 0, unflagged: 0, retired: 0 }));
  const bump = (at: number, key: 'flagged' | 'unflagged' | 'retired') => {
    const row = rows[bucketOf(weeks, at)] as { -readonly [K in keyof LoopWeek]: LoopWeek[K] } | undefined;
    if (row) row[key] += 1;
  };
  for (const e of await deps.graph.readInsightEvents(['flagged', 'unflagged'])) bump(Date.parse(e.at), e.kind as 'flagged' | 'unflagged');
  for (const at of retiredAt) bump(at, 'retired');
  return {
    duplicateGroups: groups.length,
    ...(grouped > 0 && { canonicalShare: canonical / grouped }),
    flaggedNow: insights ? [...insights.products()].filter((iri) => insights.flaggedForRetirement(iri)).length : 0,
    deprecatedNow: live.filter((p) => p.descriptor.status === 'deprecated').length,
    weeks: rows,
  };
}
