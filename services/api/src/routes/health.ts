import { Hono } from 'hono';
import { UnavailableError } from '@quanta/model';
import type { Registry } from 'prom-client';
import type { AppDeps, AppEnv } from '../env.js';

/** How long readiness waits for the search engine: a probe must answer fast, whatever the engine does. */
const SEARCH_PING_MS = 1000;

/** Whether `ping` resolves within `ms` (a rejection or silence is false). */
function answersWithin(ping: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const answered = ping.then(
    () => true,
    () => false,
  );
  return Promise.race([answered, silent]).finally(() => clearTimeout(timer));
}

/**
 * Liveness, readiness and Prometheus metrics. Readiness needs the graph, the source of truth;
 * a search engine that is down only degrades it (200, `degraded`), since registrations still
 * succeed and every instance shares the engine anyway: taking instances out would not help
 * (ADR 0014). The body says how far search is behind the graph.
 */
export function healthRoutes({ catalog, version, draining }: AppDeps, registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok', version: version ?? 'dev' }));
  app.get('/readyz', async (c) => {
    if (draining?.()) throw new UnavailableError('Not ready: shutting down; the requests in progress are finishing', 5);
    try {
      await catalog.pingGraph();
    } catch (error) {
      throw new UnavailableError(`Not ready: the knowledge graph is unreachable: ${(error as Error).message}`, 5);
    }
    const [reachable, lag] = await Promise.all([
      answersWithin(catalog.pingSearch(), SEARCH_PING_MS),
      catalog.searchLag().catch((error: unknown) => {
        throw new UnavailableError(`Not ready: the search outbox cannot be read: ${(error as Error).message}`, 5);
      }),
    ]);
    const degraded = !reachable || lag.failing;
    return c.json({
      status: degraded ? 'degraded' : 'ready',
      graph: 'up',
      search: {
        status: reachable ? 'up' : 'unreachable',
        pending: lag.pending,
        lagSeconds: Math.round(lag.lagSeconds * 1000) / 1000,
        projector: lag.failing ? 'retrying' : 'ok',
        ...(lag.lastError !== undefined && { lastError: lag.lastError }),
      },
    });
  });
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType }));
  return app;
}
