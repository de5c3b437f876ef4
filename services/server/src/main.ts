#!/usr/bin/env node
/**
 * The deployable: reads configuration from the environment (flags override it), starts Quanta,
 * and stops cleanly on SIGINT/SIGTERM. `quanta up` runs this file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@quanta/config';
import { createLogger } from './logger.js';
import { NoIdentitiesError } from './identities.js';
import { SplitNeedsSharedGraphError, startServer } from './start.js';
import { startSubgraph } from './subgraph-process.js';
import { SUBGRAPH_NAMES, type SubgraphName } from './subgraphs.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'log-format': { type: 'string' },
    // Where to write {url, webUrl, dataDir, productsAtStart} once listening: how `quanta up` learns the
    // address without knowing the configuration itself.
    'ready-file': { type: 'string' },
    // Each subgraph in its own process, the gateway reaching them over HTTP (ADR 0012).
    split: { type: 'boolean' },
    // The web UI next to the API (`quanta up` passes it unless --no-web), on --web-port.
    web: { type: 'boolean' },
    'web-port': { type: 'string' },
    // Serve this one subgraph only: how a split server starts its children.
    subgraph: { type: 'string' },
  },
  strict: true,
});

/** Command-line flags, each standing for the environment variable it overrides. */
const flags = {
  QUANTA_PORT: values.port,
  QUANTA_HOST: values.host,
  QUANTA_DATA_DIR: values['data-dir'],
  QUANTA_LOG_FORMAT: values['log-format'],
  QUANTA_WEB_PORT: values['web-port'],
  // A subgraph process registers nothing, so it analyses nothing: no worker threads.
  ...(values.subgraph !== undefined && { QUANTA_SEMANTIC_THREADS: '0' }),
};

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(undefined, flags);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const subgraph = values.subgraph;
  if (subgraph !== undefined && !SUBGRAPH_NAMES.includes(subgraph as SubgraphName)) {
    process.stderr.write(`--subgraph must be one of ${SUBGRAPH_NAMES.join(', ')}; got ${subgraph}\n`);
    process.exit(2);
  }
  const logger = createLogger(config).child(subgraph ? { subgraph } : {});
  let server;
  try {
    server = subgraph ? await startSubgraph(config, logger, subgraph as SubgraphName) : await startServer(config, logger, { split: values.split ?? false, web: values.web ?? false });
  } catch (e) {
    if (e instanceof SplitNeedsSharedGraphError || e instanceof NoIdentitiesError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const readyFile = values['ready-file'];
  const firstAdminToken = 'firstAdminToken' in server ? server.firstAdminToken : undefined;
  if (readyFile) {
    // `quanta up` shows the first admin token itself (and loads the demo with it): the ready file is
    // private to it (a fresh temporary folder) and removed once read.
    const ready = { url: server.url, webUrl: 'webUrl' in server ? server.webUrl : undefined, dataDir: config.dataDir, productsAtStart: server.productsAtStart, firstAdminToken };
    writePrivately(readyFile, JSON.stringify(ready));
  } else if (firstAdminToken) {
    showFirstAdminToken(firstAdminToken, config.dataDir, logger);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return; // a terminal's Ctrl+C may reach us twice: directly and from `quanta up`
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A subgraph process of a split server ends with it, however the server ended.
  if (subgraph && process.send) process.on('disconnect', () => void stop('server gone'));
}

/** Writes a file only its owner may read, whole or not at all (written aside, then renamed). */
function writePrivately(file: string, text: string): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text, { mode: 0o600, flag: 'wx' });
  renameSync(aside, file);
}

/**
 * A first start's admin token, shown once (ADR 0016), never through the structured log (logs are
 * shipped and kept): on a terminal, printed; elsewhere (a container, a service manager, whose output
 * is a log too), written to a file only the owner may read, whose path is logged.
 */
function showFirstAdminToken(secret: string, dataDir: string, logger: ReturnType<typeof createLogger>): void {
  if (process.stdout.isTTY) {
    process.stdout.write(`\nQuanta created an admin token for this first start. It is shown only now; keep it:\n\n  ${secret}\n\n`);
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'first-admin-token');
  writePrivately(file, `${secret}\n`);
  logger.warn({ file }, 'created an admin token for this first start: its secret is in this file, readable by this user only; move it somewhere safe and delete the file');
}

main().catch((err: unknown) => {
  process.stderr.write(`Quanta failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
