import { Hono } from 'hono';
import { UnavailableError } from '@quanta/model';
import type { Registry } from 'prom-client';
import type { AppDeps, AppEnv } from '../env.js';

/** Liveness, readiness (backends reachable) and Prometheus metrics. */
export function healthRoutes({ catalog, version }: AppDeps, registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok', version: version ?? 'dev' }));
  app.get('/readyz', async (c) => {
    try {
      await catalog.ping();
    } catch (error) {
      throw new UnavailableError(`Not ready: ${(error as Error).message}`, 5);
    }
    return c.json({ status: 'ready' });
  });
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType }));
  return app;
}
