import type { Descriptor, DomainConsumers, GuaranteeCompliance, Iri, ProductRef, ProductUsage, RankingFactor, UsageBucket } from '@quanta/model';
import { DAY_MS } from '@quanta/ranking';
import type { LineageConsumer } from '../ports/lineage-graph.js';
import type { ProductSignalRecords, UsageRecord } from '../ports/signal-graph.js';

const WEEK_MS = 7 * DAY_MS;
const iso = (ms: number): string => new Date(ms).toISOString();
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The report's window: `[now − days, now]`, and the one before it for churn. */
export interface UsageWindow {
  readonly days: number;
  /** Epoch ms: the window ends here, inclusive. */
  readonly now: number;
}

/** A declared guarantee: `<port>/<metric>` and its target, if declared. */
export interface DeclaredGuarantee {
  readonly name: string;
  readonly target?: number;
}

/** What one product's usage is computed from, as read from the graph and the feedback projection. */
export interface ProductUsageInput {
  readonly product: ProductRef;
  /** The owner team's IRI: its own use is not consumption. */
  readonly ownerTeam: Iri;
  readonly guarantees: readonly DeclaredGuarantee[];
  /** Usage reports from the start of the previous window on. */
  readonly reports: readonly UsageRecord[];
  /** Its stored signals, checks from the window's start on; undefined when it has none. */
  readonly signals?: ProductSignalRecords;
  /** Jobs reading its datasets, and whom each counts for. */
  readonly lineage: readonly LineageConsumer[];
  /** Its feedback factors, when the feedback projection runs. */
  readonly factors?: readonly RankingFactor[];
}

/** How the report names a consumer's domain, and the target of a guarantee that declares none. */
export interface ProductUsageContext {
  readonly domainOf: (consumer: Iri) => string;
  readonly defaultTarget: number;
}

/** The guarantees a descriptor declares, named `<port>/<metric>` as SLO checks are stored. */
export function declaredGuarantees(d: Descriptor): DeclaredGuarantee[] {
  const seen = new Set<string>();
  return (d.outputPorts ?? []).flatMap((p) =>
    (p.slos ?? []).flatMap((s) => {
      const name = `${p.name}/${s.metric}`;
      if (seen.has(name)) return [];
      seen.add(name);
      return [{ name, ...(s.target !== undefined && { target: s.target }) }];
    }),
  );
}

/**
 * The buckets of a window, one per 7 days, oldest first, the last ending at `now`; the oldest is
 * shorter when the window is not a whole number of weeks, so the buckets cover exactly the window.
 */
export function weekBuckets(window: UsageWindow): { from: number; to: number }[] {
  const start = window.now - window.days * DAY_MS;
  const count = Math.ceil(window.days / 7);
  return Array.from({ length: count }, (_, i) => {
    const to = window.now - (count - 1 - i) * WEEK_MS;
    return { from: Math.max(start, to - WEEK_MS), to };
  });
}

/** One use of a product: a report (with its reads) or a lineage consumer's latest read (none counted). */
interface Use {
  readonly consumer: Iri;
  readonly at: number;
  readonly reads: number;
}

/**
 * One product's usage over the window (pure: everything comes in `input`). A consumer is in the
 * window when a report or its latest lineage read falls in `[now − days, now]`; the owner team and
 * the product itself never count. Reads are summed from reports only.
 */
export function productUsage(input: ProductUsageInput, window: UsageWindow, context: ProductUsageContext): ProductUsage {
  const from = window.now - window.days * DAY_MS;
  const previousFrom = from - window.days * DAY_MS;
  const uses = consumerUses(input);
  const inWindow = uses.filter((u) => u.at >= from && u.at <= window.now);
  const current = new Set(inWindow.map((u) => u.consumer));
  const previous = new Set(uses.filter((u) => u.at >= previousFrom && u.at < from).map((u) => u.consumer));
  const firstUse = firstUses(input);
  return {
    product: input.product,
    consumers: {
      total: current.size,
      byDomain: byDomain(current, context.domainOf),
      new: [...current].filter((c) => (firstUse.get(c) ?? -Infinity) >= from).sort(byText),
      lost: [...previous].filter((c) => !current.has(c)).sort(byText),
    },
    reads: inWindow.reduce((sum, u) => sum + u.reads, 0),
    trend: weekBuckets(window).map((b, i, all) => bucket(inWindow.filter(inBucket(b, i === all.length - 1)), b, context.domainOf)),
    satisfaction: satisfaction(input),
    slo: slo(input, window, context.defaultTarget),
  };
}

/** Every use by a consumer that counts: reports and lineage reads by anyone but the owner and the product. */
function consumerUses(input: ProductUsageInput): Use[] {
  const counts = (consumer: Iri) => consumer !== input.ownerTeam && consumer !== input.product.iri;
  const reported = input.reports.map((r) => ({ consumer: r.consumer, at: Date.parse(r.at), reads: r.count }));
  const read = input.lineage.filter((c) => c.kind !== 'Job').map((c) => ({ consumer: c.consumer, at: Date.parse(c.lastUsedAt), reads: 0 }));
  return [...reported, ...read].filter((u) => counts(u.consumer));
}

/**
 * Each consumer's first recorded use, known only for consumers with reports: the earlier of their
 * first report and their latest lineage read (lineage forgets a job's earlier reads).
 */
function firstUses(input: ProductUsageInput): Map<Iri, number> {
  const first = new Map((input.signals?.consumers ?? []).map((c) => [c.consumer, Date.parse(c.firstUsedAt)]));
  for (const c of input.lineage) {
    const known = first.get(c.consumer);
    if (c.kind !== 'Job' && known !== undefined) first.set(c.consumer, Math.min(known, Date.parse(c.lastUsedAt)));
  }
  return first;
}

function byDomain(consumers: ReadonlySet<Iri>, domainOf: (consumer: Iri) => string): DomainConsumers[] {
  const counts = new Map<string, number>();
  for (const c of consumers) counts.set(domainOf(c), (counts.get(domainOf(c)) ?? 0) + 1);
  return [...counts].map(([domain, n]) => ({ domain, consumers: n })).sort((a, b) => b.consumers - a.consumers || byText(a.domain, b.domain));
}

/** Whether an instant falls in a bucket: `from` inclusive, `to` exclusive except for the last bucket, which ends now. */
const inBucket =
  ({ from, to }: { from: number; to: number }, last: boolean) =>
  ({ at }: { at: number }) =>
    at >= from && (at < to || (last && at === to));

function bucket(inside: readonly Use[], { from, to }: { from: number; to: number }, domainOf: (consumer: Iri) => string): UsageBucket {
  const consumers = new Set(inside.map((u) => u.consumer));
  return { from: iso(from), to: iso(to), consumers: consumers.size, reads: inside.reduce((sum, u) => sum + u.reads, 0), byDomain: byDomain(consumers, domainOf) };
}

function satisfaction(input: ProductUsageInput): ProductUsage['satisfaction'] {
  const ratings = input.signals?.ratings ?? [];
  const factor = input.factors?.find((f) => f.name === 'rating');
  const meanStars = ratings.length > 0 ? ratings.reduce((sum, r) => sum + r.stars, 0) / ratings.length : undefined;
  return { ratings: ratings.length, ...(meanStars !== undefined && { meanStars }), ...(factor && { factor }) };
}

function slo(input: ProductUsageInput, window: UsageWindow, defaultTarget: number): ProductUsage['slo'] {
  const from = window.now - window.days * DAY_MS;
  const checks = (input.signals?.checks ?? []).map((c) => ({ ...c, at: Date.parse(c.at) })).filter((c) => c.at >= from && c.at <= window.now);
  const weeks = weekBuckets(window);
  const factor = input.factors?.find((f) => f.name === 'slo');
  const guarantees = input.guarantees.map((g): GuaranteeCompliance => {
    const mine = checks.filter((c) => c.guarantee === g.name);
    const passed = mine.filter((c) => c.passed).length;
    const target = g.target ?? defaultTarget;
    const trend = weeks.map((b, i) => ({ from: iso(b.from), to: iso(b.to), ...compliance(mine.filter(inBucket(b, i === weeks.length - 1))) }));
    if (mine.length === 0) return { name: g.name, target, checks: 0, passed: 0, trend };
    const share = passed / mine.length;
    return { name: g.name, target, checks: mine.length, passed, compliance: share, met: share >= target, trend };
  });
  return { guarantees, ...(factor && { factor }) };
}

/** Checks and passes of some checks, and their share when there is any. */
function compliance(checks: readonly { passed: boolean }[]): { checks: number; passed: number; compliance?: number } {
  const passed = checks.filter((c) => c.passed).length;
  return { checks: checks.length, passed, ...(checks.length > 0 && { compliance: passed / checks.length }) };
}
