import { Hono } from 'hono';
import { NotFoundError } from '@quanta/model';
import type { AppDeps, AppEnv } from './env.js';
import { toProblemResponse } from './error-handler.js';
import { HttpError } from './http-error.js';
import { authorize } from './access.js';
import { bearerAuthenticator, identify } from './identity.js';
import { limitRate, shedLoad } from './load-limits.js';
import { createMetrics } from './metrics.js';
import { registerSearchMetrics } from './search-metrics.js';
import { requestContext } from './request-context.js';
import { conceptRoutes } from './routes/concepts.js';
import { healthRoutes } from './routes/health.js';
import { productInsightRoutes, reportRoutes } from './routes/insights.js';
import { lineageRoutes } from './routes/lineage.js';
import { metaRoutes, namespaceRoutes } from './routes/meta.js';
import { productRoutes } from './routes/products.js';
import { productSignalRoutes, usageRoutes } from './routes/signals.js';
import { searchRoutes } from './routes/search.js';
import { tokenRoutes } from './routes/tokens.js';

/**
 * Wires the REST API v1 over the catalog's use cases. Pure wiring: it listens nowhere, so tests
 * call `app.request()` and `main.ts` hands `app.fetch` to a server.
 *
 * @example
 * const app = createApp({ catalog, logger, maxBodyBytes: 1 << 20 });
 * const res = await app.request('/api/v1/search?q=listener');
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  return withEnds(deps, (app) => {
    app.route('/api/v1/products', productSignalRoutes(deps));
    app.route('/api/v1/products', productInsightRoutes(deps));
    app.route('/api/v1/products', productRoutes(deps));
    app.route('/api/v1/usage', usageRoutes(deps));
    app.route('/api/v1/search', searchRoutes(deps));
    app.route('/api/v1/concepts', conceptRoutes(deps));
    app.route('/api/v1/lineage', lineageRoutes(deps));
    app.route('/api/v1/reports', reportRoutes(deps));
    app.route('/api/v1/admin/tokens', tokenRoutes(deps));
    app.route('/api/v1', metaRoutes(deps));
    app.route('/ns', namespaceRoutes());
  }, { searchMetrics: true });
}

/**
 * A process that serves GraphQL only (a subgraph of a split deployment): the same request
 * context, identity middleware, health endpoints and error mapping as the API, and `/graphql`.
 */
export function createGraphqlApp(deps: AppDeps & Required<Pick<AppDeps, 'graphql'>>): Hono<AppEnv> {
  return withEnds(deps, () => undefined);
}

/** What every Quanta HTTP process shares around its routes: middleware first, `/graphql`, errors last. */
function withEnds(deps: AppDeps, routes: (app: Hono<AppEnv>) => void, { searchMetrics = false } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });
  const metrics = createMetrics();
  // The API process runs the projector; a subgraph process only reads the index.
  if (searchMetrics) registerSearchMetrics(metrics.registry, deps.catalog);

  app.use('*', requestContext(deps.logger));
  app.use('*', metrics.middleware);
  // Overload is turned away first, before a token is looked up; rate limits need the identity.
  if (deps.limits) app.use('*', shedLoad(deps.limits.maxInFlight));
  app.use('*', identify(deps.authenticate ?? bearerAuthenticator(deps.catalog.tokens.authenticate)));
  app.use('*', authorize());
  if (deps.limits) app.use('*', limitRate(deps.limits.perIdentityPerSecond, deps.limits.perIdentityBurst));

  app.route('/', healthRoutes(deps, metrics.registry));
  routes(app);
  const graphql = deps.graphql;
  if (graphql) {
    app.on(['GET', 'POST'], '/graphql', (c) => {
      const authorization = c.req.header('authorization');
      return graphql(c.req.raw, { identity: c.get('identity'), ...(authorization !== undefined && { authorization }) });
    });
  }

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = allowedMethods(app, path);
    if (allowed.length > 0) {
      return toProblemResponse(new HttpError('method-not-allowed', `${c.req.method} is not allowed on ${path}`, { Allow: allowed.join(', ') }), c, deps.logger);
    }
    return toProblemResponse(new NotFoundError(`Nothing at ${path}; the API is described at /api/v1/openapi.json`), c, deps.logger);
  });
  app.onError((err, c) => toProblemResponse(err, c, deps.logger));
  return app;
}

/** Methods some route answers on `path`, for a 405 with `Allow` instead of a misleading 404. */
function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method !== 'ALL' && matches(route.path, path)) methods.add(route.method);
  }
  return [...methods].sort();
}

function matches(pattern: string, path: string): boolean {
  const source = pattern.replace(/\/$/, '').split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^${source || ''}/?$`).test(path);
}
