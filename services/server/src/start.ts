import { createApp } from '@quanta/api';
import type { QuantaConfig } from '@quanta/config';
import { createGatewayServer, DEFAULT_LIMITS, graphqlHandler, readSupergraph, type SubgraphTarget } from '@quanta/gateway';
import type { Logger } from 'pino';
import { authenticatorOf, bootstrapIdentities, webReaderToken } from './identities.js';
import { listen } from './listen.js';
import { openRuntime, type Runtime } from './runtime.js';
import { type SubgraphProcesses, startSubgraphProcesses } from './split.js';
import { SUBGRAPH_NAMES, subgraphModule } from './subgraphs.js';
import { startWeb, type WebProcess, WebNotBuiltError } from './web.js';

/** A running Quanta server. */
export interface RunningServer {
  /** The base URL it listens on, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** Where the web UI listens, when it was asked for and is built. */
  readonly webUrl?: string;
  /** Products in the graph when it started: 0 means a fresh data directory. */
  readonly productsAtStart: number;
  /** On a development first start, the admin token created for it: to be shown once (ADR 0016). */
  readonly firstAdminToken?: string;
  /** Stops accepting requests, then closes the backends (and a split deployment's subgraphs). */
  close(): Promise<void>;
}

/** How the process is laid out (ADR 0012). */
export interface ServerOptions {
  readonly version?: string;
  /** Each subgraph in a process of its own, the gateway reaching them over HTTP (`quanta up --split`). */
  readonly split?: boolean;
  /** The Next.js UI next to the API on `config.webPort` (`quanta up` asks for it unless `--no-web`). */
  readonly web?: boolean;
}

/** A split deployment needs a graph every process can open: the embedded one is one process's alone. */
export class SplitNeedsSharedGraphError extends Error {
  override readonly name = 'SplitNeedsSharedGraphError';
}

/**
 * Starts Quanta in this process: the runtime (backends, projections, use cases), the supergraph
 * at `/graphql` with every subgraph in this process or, split, in processes of their own, and the
 * REST API beside it.
 */
export async function startServer(config: QuantaConfig, logger: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  if (options.split && config.graph.backend === 'embedded') {
    throw new SplitNeedsSharedGraphError(
      'A split deployment runs every subgraph in a process of its own, and the embedded graph belongs to one process: set QUANTA_GRAPH=neo4j (and NEO4J_URI).',
    );
  }
  const runtime = await openRuntime(config, logger);
  const { catalog } = runtime;
  let subgraphs: SubgraphProcesses | undefined;
  try {
    const firstAdminToken = await bootstrapIdentities(catalog, config, logger);
    subgraphs = options.split ? await startSubgraphProcesses(config, logger) : undefined;
    const targets: Record<string, SubgraphTarget> = subgraphs?.targets ?? Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { module: subgraphModule(name, catalog) }]));
    const gateway = createGatewayServer({ supergraphSdl: readSupergraph(), subgraphs: targets, production: config.production, logger: logger.child({ component: 'graphql' }) });
    await gateway.start();
    const graphql = graphqlHandler(gateway, { maxBodyBytes: config.maxBodyBytes, batch: DEFAULT_LIMITS.batch });
    // Set when the server starts to stop: readiness says so while held requests finish.
    let draining = false;
    const app = createApp({ catalog, logger, draining: () => draining, maxBodyBytes: config.maxBodyBytes, limits: config.limits, authenticate: authenticatorOf(catalog, config), ...(runtime.backup && { backup: runtime.backup }), version: options.version, graphql });
    const { url, close } = await listen(app.fetch, config).catch(async (error: unknown) => {
      await gateway.stop();
      throw error;
    });
    const web = options.web
      ? await openWeb(url, await webReaderToken(catalog), config, logger).catch(async (error: unknown) => {
          await close();
          await gateway.stop();
          throw error;
        })
      : undefined;
    const running = served(url, web?.url, runtime, subgraphs, logger, config, async () => {
      draining = true;
      await web?.stop();
      await close();
      await gateway.stop();
    });
    return firstAdminToken ? { ...running, firstAdminToken } : running;
  } catch (error) {
    // Nothing left behind: the subgraph processes and the backends go with a failed start.
    await subgraphs?.stop();
    await runtime.close();
    throw error;
  }
}

/** Logs where the server listens and returns how to close it, last to first. */
function served(url: string, webUrl: string | undefined, runtime: Runtime, subgraphs: SubgraphProcesses | undefined, logger: Logger, config: QuantaConfig, closeHttp: () => Promise<void>): RunningServer {
  const layout = subgraphs ? 'split: each subgraph in its own process' : 'all in one process';
  logger.info({ url, dataDir: config.dataDir, graph: config.graph.backend, search: config.search.backend, layout }, `Quanta API listening on ${url}`);
  return {
    url,
    ...(webUrl && { webUrl }),
    productsAtStart: runtime.productsAtStart,
    close: async () => {
      await closeHttp();
      await subgraphs?.stop();
      await runtime.close();
    },
  };
}

/** The UI, or nothing (with a warning saying how to build it) when it has not been built. */
async function openWeb(apiUrl: string, token: string, config: QuantaConfig, logger: Logger): Promise<WebProcess | undefined> {
  try {
    return await startWeb(apiUrl, token, config, logger.child({ component: 'web' }));
  } catch (error) {
    if (!(error instanceof WebNotBuiltError)) throw error;
    logger.warn(`${error.message}; serving the API only`);
    return undefined;
  }
}
