#!/usr/bin/env node
/**
 * The deployable: reads configuration from the environment, starts Quanta, and stops cleanly on
 * SIGINT/SIGTERM. `quanta up` runs this file.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@quanta/config';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

/** Command-line flags, each standing for the environment variable it overrides. */
function flags(): Record<string, string | undefined> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'log-format': { type: 'string' } },
    strict: true,
  });
  return { QUANTA_PORT: values.port, QUANTA_HOST: values.host, QUANTA_DATA_DIR: values['data-dir'], QUANTA_LOG_FORMAT: values['log-format'] };
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(undefined, flags());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Quanta failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
