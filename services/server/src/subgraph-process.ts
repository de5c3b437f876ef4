import { createGraphqlApp } from '@quanta/api';
import type { QuantaConfig } from '@quanta/config';
import { createSubgraphServer, graphqlHandler } from '@quanta/gateway';
import type { Logger } from 'pino';
import { authenticatorOf } from './identities.js';
import { listen } from './listen.js';
import { openRuntime } from './runtime.js';
import type { RunningServer } from './start.js';
import { type SubgraphName, subgraphModule } from './subgraphs.js';

/**
 * Serves one subgraph in this process (`--subgraph <name>`, started by a split server): its own
 * runtime over the shared backends, its projections on their schedules, `/graphql` for the
 * gateway, and health endpoints. The gateway sends one operation at a time: no batches.
 */
export async function startSubgraph(config: QuantaConfig, logger: Logger, name: SubgraphName, version?: string): Promise<RunningServer> {
  const runtime = await openRuntime(config, logger, { searchFollowsGraph: name === 'catalog' && config.search.backend === 'embedded', readsDecisions: true, projects: false });
  const apollo = createSubgraphServer(subgraphModule(name, runtime.catalog), { production: config.production, logger: logger.child({ component: 'graphql' }) });
  let served: { url: string; close(): Promise<void> };
  try {
    await apollo.start();
    const graphql = graphqlHandler(apollo, { maxBodyBytes: config.maxBodyBytes, batch: 1 });
    const app = createGraphqlApp({ catalog: runtime.catalog, logger, maxBodyBytes: config.maxBodyBytes, authenticate: authenticatorOf(runtime.catalog, config), version, graphql });
    served = await listen(app.fetch, config);
  } catch (error) {
    await apollo.stop();
    await runtime.close();
    throw error;
  }
  const { url, close } = served;
  return {
    url,
    productsAtStart: runtime.productsAtStart,
    close: async () => {
      await close();
      await apollo.stop();
      await runtime.close();
    },
  };
}
