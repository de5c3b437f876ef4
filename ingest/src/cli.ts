#!/usr/bin/env node
/**
 * `quanta`: start Quanta, register and import descriptors, replay lineage, search, maintain the
 * index. Every command but `up` talks to a running server over HTTP (`--server`, `--token`); every
 * command prints for people, or one JSON document with `--json`; exit codes are in cli-context.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_SERVER, EXIT, fail, serverUrl } from './cli-context.js';
import { operationCommands } from './commands/operations.js';
import { productCommands } from './commands/products.js';
import { tokenCommands } from './commands/tokens.js';
import { up } from './up.js';

const program = new Command('quanta')
  .description('Quanta: the discovery plane of a data mesh')
  .option('--server <url>', `base URL of a running Quanta (default: QUANTA_SERVER, else ${DEFAULT_SERVER})`, serverUrl)
  .option('--token <token>', 'bearer token sent with every call (default: QUANTA_TOKEN)')
  .option('--json', 'print the answer as one JSON document (errors as {"error"} on standard error)')
  // The name earlier releases used for --server; kept so existing pipelines keep working.
  .addOption(new Option('--url <url>').hideHelp().argParser(serverUrl))
  .showHelpAfterError()
  // Commands inherit this (and it reaches the catch below), so a wrong command line exits with 2.
  .exitOverride();

program
  .command('up')
  .description('start Quanta on embedded backends (loads the demo mesh on first start)')
  .option('--port <port>', 'API port (default: QUANTA_PORT, else 4000)')
  .option('--host <host>', 'interface to listen on (default: QUANTA_HOST, else 127.0.0.1)')
  .option('--data-dir <dir>', 'where the graph is stored (default: QUANTA_DATA_DIR, else ./.quanta)')
  .option('--web-port <port>', 'web UI port (default: QUANTA_WEB_PORT, else 3000)')
  .option('--no-web', 'serve the API only, without the web UI')
  .option('--no-demo', 'start empty: do not load the demo mesh')
  .option('--split', 'run each GraphQL subgraph in its own process behind the gateway (needs QUANTA_GRAPH=neo4j)')
  .action(async (o: { port?: string; host?: string; dataDir?: string; demo: boolean; split?: boolean; webPort?: string; web: boolean }) => {
    process.exitCode = await up(o, (line) => process.stdout.write(`${line}\n`));
  });

productCommands(program);
operationCommands(program);
tokenCommands(program);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander has already printed the usage error (or the help, or the version).
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return;
  }
  fail(err, process.argv.includes('--json'));
});
