// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import DataLoader from 'dataloader';
import type { Catalog, ProductFeedbackView } from '@quanta/core';
import { perRequest } from '@quanta/gateway';
import { ConsumerRefSchema, identityIn, type Iri, parseOrThrow, RatingInputSchema, UsageInputSchema } from '@quanta/model';
import { z } from 'zod';

interface Ref {
  readonly iri: Iri;
}

interface RateArgs {
  product: string;
  consumer: string;
  stars: number;
  comment?: string | null;
}

const withoutNulls = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/**
 * Thin resolvers over the catalog's signal use cases. Reads come from the feedback projection in
 * memory, batched per request; inputs are checked with the same schemas as the REST API's.
 */
export function feedbackResolvers(catalog: Catalog): GraphQLResolverMap<object> {
  const loader = perRequest(() => new DataLoader<Iri, ProductFeedbackView | undefined>(async (iris) => catalog.feedbackOf(iris)));
  const feedback = (r: Ref, context: object) => loader(context).load(r.iri);
  const read =
    <T>(pick: (f: ProductFeedbackView) => T, otherwise: T) =>
    async (r: Ref, _args: unknown, context: object): Promise<T> => {
      const f = await feedback(r, context);
      return f ? pick(f) : otherwise;
    };

  return {
    DataProduct: {
      feedbackScore: read((f) => f.multiplier, null),
      factors: read((f) => f.factors, []),
      ratings: read((f) => f.ratings, []),
      usage: read((f) => ({ consumers: f.consumers, activeConsumers: f.activeConsumers }), null),
      // GraphQL's Float has no Infinity: a failed 100% target has no finite burn.
      sloStatus: read((f) => f.slos.map((s) => ({ ...s, target: s.target ?? null, burn: Number.isFinite(s.burn) ? s.burn : null, met: s.burn <= 1 })), []),
    },
    Mutation: {
      rate: async (_root: unknown, args: RateArgs, context: object) => {
        const consumer = parseOrThrow(ConsumerRefSchema, args.consumer, 'consumer');
        const input = parseOrThrow(RatingInputSchema, withoutNulls({ stars: args.stars, comment: args.comment }), 'rating');
        return { outcome: await catalog.rate(args.product, consumer, input, identityIn(context)) };
      },
      recordUsage: async (_root: unknown, { reports }: { reports: Record<string, unknown>[] }, context: object) => {
        const inputs = parseOrThrow(z.array(UsageInputSchema).min(1).max(1000), reports.map(withoutNulls), 'usage reports');
        return catalog.recordUsage(inputs, identityIn(context));
      },
    },
  };
}
