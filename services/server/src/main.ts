#!/usr/bin/env node
/**
 * The deployable: reads configuration from the environment (flags override it), starts Quanta,
 * and stops cleanly on SIGINT/SIGTERM. `quanta up` runs this file.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@quanta/config';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'log-format': { type: 'string' },
    // Where to write {url, dataDir, productsAtStart} once listening: how `quanta up` learns the
    // address without knowing the configuration itself.
    'ready-file': { type: 'string' },
  },
  strict: true,
});

/** Command-line flags, each standing for the environment variable it overrides. */
const flags = {
  QUANTA_PORT: values.port,
  QUANTA_HOST: values.host,
  QUANTA_DATA_DIR: values['data-dir'],
  QUANTA_LOG_FORMAT: values['log-format'],
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
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  const readyFile = values['ready-file'];
  if (readyFile) writeFileSync(readyFile, JSON.stringify({ url: server.url, dataDir: config.dataDir, productsAtStart: server.productsAtStart }));
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
}

main().catch((err: unknown) => {
  process.stderr.write(`Quanta failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
