import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '@quanta/api';
import { createCatalog, FeedbackProjection, ImpressionLog, InsightsProjection, manualClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { createClient, demoDescriptorFiles, type DescriptorFile, registerDemo, sendDemoHistory } from '@quanta/ingest';
import { DAY_MS } from '@quanta/ranking';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { type SearchResponse, SYSTEM } from '@quanta/model';
import { pino } from 'pino';
import { parse } from 'yaml';

/** The demo mesh served in this process, `ageDays` after its products registered. */
export interface DemoCatalog {
  /** The duplicate groups and retirement flags, as the server computes them. */
  readonly insights: InsightsProjection;
  search(q: string, limit?: number): Promise<SearchResponse>;
  /** Each deprecated demo product's IRI, with the IRI of the product its descriptor names as successor. */
  readonly successors: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/**
 * Starts Quanta's real API on loopback over an embedded graph whose clock the caller sets: the
 * demo products register `ageDays` ago, then their history (lineage, usage, ratings, SLO checks)
 * arrives relative to now and the feedback scores are computed, as the server's schedule would.
 * The exploration slot never fires, so a ranking can be judged twice and give the same list.
 */
export async function demoCatalog(ageDays: number): Promise<DemoCatalog> {
  const now = Date.now();
  const clock = manualClock(now - ageDays * DAY_MS);
  const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
  const semantics = JsonLdSemanticLayer.create();
  const feedback = new FeedbackProjection(graph, clock);
  const insights = new InsightsProjection(graph, clock, feedback);
  feedback.balanceWith(insights);
  const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock, semantics, feedback, insights, impressions: new ImpressionLog(graph), random: () => 1 });
  const server = serve({ fetch: createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 4 << 20, authenticate: () => SYSTEM }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createClient(url);
  const files = await demoDescriptorFiles();
  const quiet = () => undefined;
  if (!(await registerDemo(client, files, quiet))) throw new Error('the demo products did not all register');
  clock.advance(now - clock.now());
  if (!(await sendDemoHistory(client, files, quiet, new Date(now)))) throw new Error('the demo history was not all accepted');
  // sendDemoHistory ended with POST /api/v1/admin/insights: feedback and duplicate groups are current.
  return {
    insights,
    successors: successorsOf(files),
    search: async (q, limit = 50) => (await (await fetch(`${url}/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`)).json()) as SearchResponse,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await graph.close();
    },
  };
}

/** Deprecated product → its declared successor (`links.successor`), read from the descriptors. */
function successorsOf(files: readonly DescriptorFile[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const { text, format } of files) {
    const d = (format === 'json' ? JSON.parse(text) : parse(text)) as { id?: string; status?: string; links?: { successor?: string } };
    if (d.id && d.status === 'deprecated' && d.links?.successor) pairs.set(d.id, d.links.successor);
  }
  return pairs;
}
