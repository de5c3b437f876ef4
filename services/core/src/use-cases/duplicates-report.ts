import {
  type DuplicateGroupView,
  type DuplicateOverrideView,
  type DuplicatesReport,
  type Iri,
  type NudgeView,
  type PairView,
  type ProductRef,
  teamIri,
} from '@quanta/model';
import { DAY_MS, type PairScore } from '@quanta/ranking';
import type { GroupState, InsightsProjection } from '../insights/insights-projection.js';
import type { DuplicateDecisionEvent } from '../ports/insight-graph.js';
import type { CatalogDeps } from './deps.js';

/** Which products a report is about: one owner team's, one domain's, or every one. */
export interface ReportFilter {
  readonly owner?: string;
  readonly domain?: string;
}

/**
 * `GET /api/v1/reports/duplicates`: the likely-duplicate groups with a member in scope, each with
 * its canonical and why, the evidence, the members' nudges and owners' overrides; and the possible
 * overlaps and decisions touching products in scope.
 */
export async function duplicatesReport(deps: CatalogDeps, filter: ReportFilter): Promise<DuplicatesReport> {
  const now = deps.clock.now();
  const base = { generatedAt: new Date(now).toISOString(), filter: { ...filter } };
  const insights = deps.insights;
  if (!insights) return { ...base, groups: [], overlaps: [], overrides: [], nudges: [] };
  await insights.settled();
  const inScope = (iri: Iri) => {
    const f = insights.factsOf(iri);
    return f !== undefined && (filter.owner === undefined || f.ownerTeam === filter.owner) && (filter.domain === undefined || f.domain === filter.domain);
  };
  const nudges = await deps.graph.readNudges(filter.owner === undefined ? undefined : teamIri(filter.owner));
  const nudgesOf = byProduct(nudges);
  const groups = insights.duplicateGroups.filter((g) => g.members.some(inScope)).map((g) => groupView(insights, g, now, nudgesOf));
  const scope = new Set([...insights.products()].filter(inScope));
  return {
    ...base,
    groups,
    overlaps: insights.allPairs.filter((p) => p.band === 'possible' && (scope.has(p.a) || scope.has(p.b))).map(pairView),
    overrides: overrideViews(insights, insights.decisionsAbout(scope)),
    nudges: nudges.filter((n) => scope.has(n.product)),
  };
}

/** What the balancing loop says of each product asked, in order (DataProduct in the insights subgraph). */
export interface ProductInsights {
  /** Its likely-duplicate group, when it is in one. */
  readonly group?: DuplicateGroupView;
  readonly flaggedForRetirement: boolean;
}

/** The duplicate group and retirement flag of many products, with one read of the nudges at most. */
export async function insightsOf(deps: CatalogDeps, iris: readonly Iri[]): Promise<ProductInsights[]> {
  const insights = deps.insights;
  if (!insights) return iris.map(() => ({ flaggedForRetirement: false }));
  await insights.settled();
  const groupOf = new Map<Iri, GroupState>();
  for (const g of insights.duplicateGroups) for (const m of g.members) groupOf.set(m, g);
  const nudgesOf = iris.some((iri) => groupOf.has(iri)) ? byProduct(await deps.graph.readNudges()) : new Map<Iri, NudgeView[]>();
  const now = deps.clock.now();
  const views = new Map<GroupState, DuplicateGroupView>();
  return iris.map((iri) => {
    const g = groupOf.get(iri);
    const flaggedForRetirement = insights.flaggedForRetirement(iri);
    if (!g) return { flaggedForRetirement };
    const view = views.get(g) ?? groupView(insights, g, now, nudgesOf);
    views.set(g, view);
    return { group: view, flaggedForRetirement };
  });
}

function byProduct(nudges: readonly NudgeView[]): Map<Iri, NudgeView[]> {
  const of = new Map<Iri, NudgeView[]>();
  for (const n of nudges) of.set(n.product, [...(of.get(n.product) ?? []), n]);
  return of;
}

/** A group as reports show it: canonical and why, members with their quality and demotion, evidence, nudges, overrides. */
function groupView(insights: InsightsProjection, g: GroupState, now: number, nudgesOf: ReadonlyMap<Iri, readonly NudgeView[]>): DuplicateGroupView {
  const grace = insights.params.duplicate.graceDays * DAY_MS;
  return {
    canonical: ref(insights, g.canonical),
    canonicalReason: g.canonicalReason,
    averageScore: g.averageScore,
    members: g.members.map((iri) => {
      const createdAt = insights.factsOf(iri)?.createdAt ?? now;
      const canonical = iri === g.canonical;
      return {
        ...ref(insights, iri),
        canonical,
        quality: insights.qualityOf(iri),
        demoted: !canonical && now - createdAt >= grace,
        ...(!canonical && { graceEndsAt: new Date(createdAt + grace).toISOString() }),
      };
    }),
    pairs: g.pairs.map(pairView),
    nudges: g.members.flatMap((m) => nudgesOf.get(m) ?? []),
    overrides: overrideViews(insights, insights.decisionsAbout(new Set(g.members))),
  };
}

function ref(insights: InsightsProjection, iri: Iri): ProductRef {
  const f = insights.factsOf(iri);
  return { iri, name: f?.name ?? iri, domain: f?.domain ?? '', owner: f?.ownerTeam ?? '' };
}

function pairView(p: PairScore): PairView {
  return { a: p.a, b: p.b, score: p.score, band: p.band === 'likely' ? 'likely' : 'possible', evidence: p.evidence };
}

function overrideViews(insights: InsightsProjection, decisions: readonly DuplicateDecisionEvent[]): DuplicateOverrideView[] {
  return decisions.map((d) => ({
    a: d.a,
    b: d.b,
    verdict: d.kind === 'not-duplicate' ? 'not-duplicate' : 'duplicate',
    reason: d.reason,
    actor: d.actor,
    at: d.at,
    holds: d.kind === 'not-duplicate' && insights.holds(d),
  }));
}
