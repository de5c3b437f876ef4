// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import DataLoader from 'dataloader';
import type { Catalog, ProductInsights } from '@quanta/core';
import { perRequest } from '@quanta/gateway';
import { type DuplicateGroupView, identityIn, intInRange, type Iri, type MeshReport, type UsageReport, USAGE_WINDOW_DAYS } from '@quanta/model';

interface Ref {
  readonly iri: Iri;
}

const ref = (iri: Iri): Ref => ({ iri });

/** A group as the schema shows it: products as references the catalog subgraph resolves. */
function group(g: DuplicateGroupView) {
  return {
    canonical: ref(g.canonical.iri),
    canonicalReason: g.canonicalReason,
    averageScore: g.averageScore,
    members: g.members.map((m) => ({ product: ref(m.iri), canonical: m.canonical, quality: m.quality, demoted: m.demoted, graceEndsAt: m.graceEndsAt ?? null })),
    pairs: g.pairs.map((p) => ({
      a: ref(p.a),
      b: ref(p.b),
      score: p.score,
      band: p.band,
      evidence: { ...p.evidence, lineage: p.evidence.lineage ?? null, semantics: p.evidence.semantics ?? null },
    })),
    nudges: g.nudges.map((n) => ({ ...n, product: ref(n.product) })),
  };
}

/** The usage report with products as references; absent values become nulls. */
function usage(r: UsageReport) {
  return {
    generatedAt: r.generatedAt,
    windowDays: r.window.days,
    windowFrom: r.window.from,
    windowTo: r.window.to,
    products: r.products.map((p) => ({
      ...p,
      product: ref(p.product.iri),
      satisfaction: { ratings: p.satisfaction.ratings, meanStars: p.satisfaction.meanStars ?? null, factor: p.satisfaction.factor ?? null },
      slo: {
        guarantees: p.slo.guarantees.map((g) => ({ ...g, compliance: g.compliance ?? null, met: g.met ?? null, trend: g.trend.map((w) => ({ ...w, compliance: w.compliance ?? null })) })),
        factor: p.slo.factor ?? null,
      },
    })),
  };
}

/** The mesh report flattened a level, with products as references. */
function mesh(r: MeshReport) {
  return {
    generatedAt: r.generatedAt,
    size: r.size,
    weeks: r.interconnections.weeks.map((w) => ({ ...w, crossDomainShare: w.crossDomainShare ?? null })),
    domainLinks: r.interconnections.domainLinks,
    godProductThreshold: r.godProducts.threshold,
    godProducts: r.godProducts.products.map((g) => ({ ...g, product: ref(g.product.iri), sloFailureShare: g.sloFailureShare ?? null })),
    loopHealth: { ...r.loopHealth, canonicalShare: r.loopHealth.canonicalShare ?? null },
  };
}

/** Thin resolvers over the catalog's insights use cases, batched per request. */
export function insightsResolvers(catalog: Catalog): GraphQLResolverMap<object> {
  const loader = perRequest(() => new DataLoader<Iri, ProductInsights>(async (iris) => catalog.insightsOf(iris)));
  const insights = (r: Ref, context: object) => loader(context).load(r.iri);
  return {
    Query: {
      duplicateGroups: async (_root: unknown, { owner, domain }: { owner?: string | null; domain?: string | null }) =>
        (await catalog.duplicatesReport({ ...(owner && { owner }), ...(domain && { domain }) })).groups.map(group),
      usageReport: async (_root: unknown, { owner, domain, windowDays }: { owner?: string | null; domain?: string | null; windowDays: number }, context: object) =>
        usage(
          await catalog.usageReport({
            ...(owner && { owner }),
            ...(domain && { domain }),
            windowDays: intInRange('windowDays', windowDays, USAGE_WINDOW_DAYS.min, USAGE_WINDOW_DAYS.max, '/arguments/windowDays'),
          }, identityIn(context)),
        ),
      meshReport: async () => mesh(await catalog.meshReport()),
    },
    DataProduct: {
      duplicateGroup: async (r: Ref, _args: unknown, context: object) => {
        const g = (await insights(r, context)).group;
        return g ? group(g) : null;
      },
      flaggedForRetirement: async (r: Ref, _args: unknown, context: object) => (await insights(r, context)).flaggedForRetirement,
    },
  };
}
