import { Hono } from 'hono';
import { loadContext } from '@quanta/ontologies';
import { NotFoundError, parseOrThrow, RatingReviewInputSchema } from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { openApiDocument } from '../openapi.js';
import { acceptable, JSON_ONLY, negotiate } from '../negotiate.js';
import { choiceParam, queryOf } from '../query.js';
import { HttpError } from '../http-error.js';
import { NDJSON, streamProgress } from '../progress-stream.js';
import { PROBLEMS, type ProblemKind, problemType } from '../problems.js';
import { readBody } from '../read-body.js';

/** The default JSON-LD context, served at the path its IRI names (DESIGN.md §4). */
export function namespaceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const context = JSON.stringify(loadContext());
  app.get('/context.jsonld', (c) => c.body(context, 200, { 'Content-Type': 'application/ld+json' }));
  return app;
}

const REINDEX_TYPES = ['application/json', NDJSON] as const;

/** The OpenAPI document, problem-type documentation and operator actions such as reindex. */
export function metaRoutes({ catalog, logger, version, backup, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const document = openApiDocument(version ?? 'dev');
  app.get('/openapi.json', (c) => c.json(document));
  // Who the caller is, as the identity middleware decided: the UI's sign-in and `quanta whoami` ask.
  app.get('/me', (c) => {
    queryOf(c, []);
    return c.json(c.get('identity'), 200, { 'Cache-Control': 'no-store' });
  });
  app.get('/problems/:kind', (c) => {
    const kind = c.req.param('kind') as ProblemKind;
    const doc = PROBLEMS[kind];
    if (!Object.hasOwn(PROBLEMS, kind) || !doc) throw new NotFoundError(`No problem type "${kind}"`);
    return c.json({ type: problemType(kind), ...doc });
  });
  app.post('/admin/reindex', async (c) => {
    const by = c.get('identity').subject;
    // A rebuild of a large mesh takes minutes on Meilisearch: a caller that asks for NDJSON sees it move.
    if (negotiate(c.req.header('accept'), REINDEX_TYPES) === NDJSON) {
      return streamProgress(c, logger, (onProgress) => catalog.reindex(onProgress), (report) => logger.info({ ...report, by }, 'search index rebuilt from the graph'));
    }
    const report = await catalog.reindex();
    logger.info({ ...report, by }, 'search index rebuilt from the graph');
    return c.json(report);
  });
  app.post('/admin/reconcile', async (c) => {
    const dryRun = choiceParam(queryOf(c, ['dryRun']), 'dryRun', ['true', 'false']) === 'true';
    const report = await catalog.reconcile({ repair: !dryRun });
    const found = `${report.missing} missing, ${report.stale} stale, ${report.orphaned} orphaned`;
    logger.info({ ...report, by: c.get('identity').subject }, `search index compared with the graph: ${found}`);
    return c.json(report);
  });
  app.post('/admin/backup', async (c) => {
    queryOf(c, []);
    if (!backup) throw new HttpError('not-implemented', 'this Quanta keeps its graph in Neo4j: back it up with `neo4j-admin database dump` (docs/operations.md, "Backup and restore")');
    const report = { ...(await backup()), products: (await catalog.list({}, { limit: 1 })).total, takenAt: new Date().toISOString() };
    logger.info({ ...report, by: c.get('identity').subject }, 'knowledge graph backed up');
    return c.json(report, 201);
  });
  app.get('/admin/rating-bursts', async (c) => {
    queryOf(c, []);
    return c.json(await catalog.ratingBursts(c.get('identity')));
  });
  app.post('/admin/rating-reviews', acceptable(JSON_ONLY), async (c) => {
    queryOf(c, []);
    const input = parseOrThrow(RatingReviewInputSchema, await readBody(c, maxBodyBytes, 'a rating review'), 'rating review');
    const event = await catalog.reviewRatings(input, c.get('identity'));
    logger.info({ review: event.kind, consumer: event.consumer, owner: event.owner, products: event.products.length, by: event.actor }, 'ratings reviewed');
    return c.json(event, 201);
  });
  app.post('/admin/insights', async (c) => {
    const report = await catalog.detectDuplicates();
    logger.info({ ...report, by: c.get('identity').subject }, 'duplicate detection run over the whole mesh');
    return c.json(report);
  });
  return app;
}

