// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import DataLoader from 'dataloader';
import type { Catalog, ProductInsights } from '@quanta/core';
import { perRequest } from '@quanta/gateway';
import type { DuplicateGroupView, Iri } from '@quanta/model';

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

/** Thin resolvers over the catalog's insights use cases, batched per request. */
export function insightsResolvers(catalog: Catalog): GraphQLResolverMap<object> {
  const loader = perRequest(() => new DataLoader<Iri, ProductInsights>(async (iris) => catalog.insightsOf(iris)));
  const insights = (r: Ref, context: object) => loader(context).load(r.iri);
  return {
    Query: {
      duplicateGroups: async (_root: unknown, { owner, domain }: { owner?: string | null; domain?: string | null }) =>
        (await catalog.duplicatesReport({ ...(owner && { owner }), ...(domain && { domain }) })).groups.map(group),
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
