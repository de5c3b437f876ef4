import type { Catalog } from '@quanta/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The search index's lag behind the graph as Prometheus metrics (ADR 0014): the outbox's size and
 * oldest entry's age read once per scrape (left out while the graph is unreachable), the
 * projector's state, and the commit-to-searchable lag of every projected product.
 */
export function registerSearchMetrics(registry: Registry, catalog: Catalog): void {
  // A scrape collects every metric at once: the two outbox gauges share one read of the graph.
  let reading: Promise<Awaited<ReturnType<Catalog['searchLag']>> | undefined> | undefined;
  const readLag = () =>
    (reading ??= catalog
      .searchLag()
      .catch(() => undefined)
      .finally(() => (reading = undefined)));
  const outboxGauge = (name: string, help: string, value: (l: NonNullable<Awaited<ReturnType<typeof readLag>>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const read = await readLag();
        if (read) this.set(value(read));
      },
    });
  outboxGauge('quanta_search_outbox_pending', 'Products whose search document is behind the graph (search outbox entries)', (l) => l.pending);
  outboxGauge('quanta_search_index_lag_seconds', 'Age of the oldest change not yet searchable; 0 when the index is level with the graph', (l) => l.lagSeconds);
  new Gauge({
    name: 'quanta_search_projector_failing',
    help: '1 while writes to the search engine fail and the projector retries with backoff',
    registers: [registry],
    collect() {
      this.set(catalog.projector.status.failing ? 1 : 0);
    },
  });
  const projected = new Counter({ name: 'quanta_search_projected_total', help: 'Products written to the search index by the projector', registers: [registry] });
  new Counter({
    name: 'quanta_search_projection_failures_total',
    help: 'Failed attempts to write to the search index (each retried)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(catalog.projector.status.failures);
    },
  });
  const lag = new Histogram({
    name: 'quanta_search_projection_lag_seconds',
    help: 'From a change committed to the graph to its product searchable',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  catalog.projector.onProjected(({ products, lagsMs }) => {
    projected.inc(products.length);
    for (const ms of lagsMs) lag.observe(ms / 1000);
  });
}

