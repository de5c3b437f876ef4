import { type Identity, type Iri, InvalidParameterError, type Product, type ProductUsage, teamIri, type UsageReport, USAGE_WINDOW_DAYS } from '@quanta/model';
import { DAY_MS, DEFAULT_RANKING_PARAMS } from '@quanta/ranking';
import { declaredGuarantees, type ProductUsageInput, productUsage, type UsageWindow } from '../projections/product-usage.js';
import type { UsageRecord } from '../ports/signal-graph.js';
import { productPages } from '../projections/catalog-pages.js';
import { DomainIndex } from '../projections/domain-index.js';
import { reportScope } from './authorization.js';
import type { CatalogDeps } from './deps.js';
import type { ReportFilter } from './duplicates-report.js';

/** What `GET /api/v1/reports/usage` asks: the products in scope and the window's length in days. */
export interface UsageReportQuery extends ReportFilter {
  readonly windowDays: number;
}

/** How many products' signals, reports and lineage are read at once. */
const BATCH = 50;

/** The products in scope, and where every product and team of the catalog sits. */
interface Catalog {
  readonly scope: Omit<ProductUsageInput, 'reports' | 'signals' | 'lineage' | 'factors'>[];
  readonly domainOf: (consumer: Iri) => string;
}

/**
 * `GET /api/v1/reports/usage`: for each live product in scope (one owner team's and/or one
 * domain's, every one when neither), its consumers by domain, weekly trend, new and lost
 * consumers, reads, satisfaction and SLO compliance over `[now − days, now]` (see UsageReport).
 * Who uses a team's products, and how satisfied they are, is for that team and admins to read: a
 * caller with one team who names none gets its own team's report.
 * @throws ForbiddenError when the caller asks for another team's report, or every team's
 * @throws InvalidParameterError when the window is not a whole number of days from 1 to 365
 */
export async function usageReport(deps: CatalogDeps, asked: UsageReportQuery, identity: Identity): Promise<UsageReport> {
  const owner = reportScope(identity, asked.owner);
  const query: UsageReportQuery = { ...asked, ...(owner !== undefined && { owner }) };
  const days = query.windowDays;
  if (!Number.isInteger(days) || days < USAGE_WINDOW_DAYS.min || days > USAGE_WINDOW_DAYS.max) {
    throw new InvalidParameterError(`the window must be a whole number of days from ${USAGE_WINDOW_DAYS.min} to ${USAGE_WINDOW_DAYS.max}, got ${days}`);
  }
  const now = deps.clock.now();
  const window: UsageWindow = { days, now };
  const from = now - days * DAY_MS;
  const filter = { ...(query.owner !== undefined && { owner: query.owner }), ...(query.domain !== undefined && { domain: query.domain }) };
  const catalog = await readCatalog(deps, filter);
  const context = { domainOf: catalog.domainOf, defaultTarget: (deps.feedback?.params ?? DEFAULT_RANKING_PARAMS).slo.defaultTarget };
  const products: ProductUsage[] = [];
  for (let i = 0; i < catalog.scope.length; i += BATCH) {
    const batch = catalog.scope.slice(i, i + BATCH);
    const iris = batch.map((p) => p.product.iri);
    // Reports from the previous window's start on: churn compares the two windows.
    const [signals, reports, lineage] = await Promise.all([
      deps.graph.readSignals(iris, new Date(from).toISOString()),
      deps.graph.readUsageReports(iris, new Date(from - days * DAY_MS).toISOString()),
      Promise.all(iris.map((iri) => deps.graph.lineageConsumers(iri))),
    ]);
    const signalsOf = new Map(signals.map((s) => [s.product, s]));
    const reportsOf = byProduct(reports);
    batch.forEach((p, j) => {
      const iri = p.product.iri;
      const found = signalsOf.get(iri);
      const factors = deps.feedback?.all.get(iri)?.factors;
      const input: ProductUsageInput = { ...p, reports: reportsOf.get(iri) ?? [], lineage: lineage[j] ?? [], ...(found && { signals: found }), ...(factors && { factors }) };
      products.push(productUsage(input, window, context));
    });
  }
  return { generatedAt: new Date(now).toISOString(), window: { days, from: new Date(from).toISOString(), to: new Date(now).toISOString() }, filter, products };
}

/**
 * One pass over the catalog, in IRI order: the live products in scope, each product's domain, and
 * each team's home domain (where it owns the most products, retired ones included, since they
 * still say where the team sits; ties go to the alphabetically first).
 */
async function readCatalog(deps: CatalogDeps, filter: ReportFilter): Promise<Catalog> {
  const scope: Catalog['scope'][number][] = [];
  const domains = new DomainIndex();
  const inScope = (p: Product) =>
    p.descriptor.status !== 'retired' && (filter.owner === undefined || p.descriptor.owner.team === filter.owner) && (filter.domain === undefined || p.descriptor.domain === filter.domain);
  for await (const products of productPages(deps.graph)) {
    for (const p of products) {
      const d = p.descriptor;
      domains.add(p);
      if (inScope(p)) scope.push({ product: { iri: p.iri, name: d.name, domain: d.domain, owner: d.owner.team }, ownerTeam: teamIri(d.owner.team), guarantees: declaredGuarantees(d) });
    }
  }
  return { scope, domainOf: (consumer) => domains.domainOf(consumer) };
}

function byProduct(reports: readonly UsageRecord[]): Map<Iri, UsageRecord[]> {
  const groups = new Map<Iri, UsageRecord[]>();
  for (const r of reports) {
    const group = groups.get(r.product);
    if (group) group.push(r);
    else groups.set(r.product, [r]);
  }
  return groups;
}
