import { Hono } from 'hono';
import {
  ConsumerRefSchema,
  InvalidParameterError,
  parseOneOrMany,
  parseOrThrow,
  RatingInputSchema,
  SloCheckInputSchema,
  UsageInputSchema,
} from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptable, JSON_ONLY } from '../negotiate.js';
import { iriParam, queryOf } from '../query.js';
import { readBody } from '../read-body.js';

/** 201 when anything new was stored, 200 when the call only repeated what the graph held. */
const status = (stored: number) => (stored > 0 ? 201 : 200);

/** `POST /api/v1/usage`: usage reports, one or an array (DESIGN.md §5, ADR 0010). */
export function usageRoutes({ catalog, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(acceptable(JSON_ONLY));
  app.post('/', async (c) => {
    queryOf(c, []);
    const reports = parseOneOrMany(UsageInputSchema, await readBody(c, maxBodyBytes, 'a usage report or an array of them'), 'usage report');
    const result = await catalog.recordUsage(reports, c.get('identity'));
    return c.json(result, status(result.stored));
  });
  return app;
}

/**
 * `PUT …/ratings/{consumer}` and `POST …/slo-checks`, mounted under `/api/v1/products` beside the
 * product routes: content negotiation is per route, since a product itself also answers in RDF.
 */
export function productSignalRoutes({ catalog, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.put('/:iri/ratings/:consumer', acceptable(JSON_ONLY), async (c) => {
    queryOf(c, []);
    const consumer = ConsumerRefSchema.safeParse(c.req.param('consumer'));
    if (!consumer.success) {
      throw new InvalidParameterError('the consumer must be a team slug or the percent-encoded IRI of a data product', [
        { pointer: '/path/consumer', message: consumer.error.issues[0]?.message ?? 'must be a team slug or a product IRI' },
      ]);
    }
    const input = parseOrThrow(RatingInputSchema, await readBody(c, maxBodyBytes, 'a rating'), 'rating');
    const outcome = await catalog.rate(iriParam(c), consumer.data, input, c.get('identity'));
    return c.json({ outcome }, outcome === 'stored' ? 201 : 200);
  });

  app.post('/:iri/slo-checks', acceptable(JSON_ONLY), async (c) => {
    queryOf(c, []);
    const body = await readBody(c, maxBodyBytes, 'an SLO check or an array of them');
    const checks = parseOneOrMany(SloCheckInputSchema, body, 'SLO check');
    const result = await catalog.recordSloChecks(iriParam(c), checks, (i) => (Array.isArray(body) ? `/${i}` : ''), c.get('identity'));
    return c.json(result, status(result.stored));
  });
  return app;
}
