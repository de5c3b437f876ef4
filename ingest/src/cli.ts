#!/usr/bin/env node
/**
 * `quanta`: start Quanta, register descriptors, load the demo mesh, rebuild the search index.
 * Every command but `up` talks to a running server over HTTP.
 */
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { createClient } from './client.js';
import { describeSearch, describeValidation, validateFiles } from './check-files.js';
import { collectDescriptorFiles, type DescriptorFile } from './descriptor-files.js';
import { readLineageFile } from './lineage-file.js';
import { sendLineage } from './send-lineage.js';
import { registerFiles } from './register-files.js';
import { loadDemo } from './demo.js';
import { up } from './up.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
const DEFAULT_URL = 'http://127.0.0.1:4000';

const program = new Command('quanta').description('Quanta: the discovery plane of a data mesh').showHelpAfterError();

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
    process.exitCode = await up(o, print);
  });

/** Registers the descriptor files, prints the outcome, and fails the command on any failure. */
async function registerAndReport(url: string, files: readonly DescriptorFile[]): Promise<void> {
  const summary = await registerFiles(createClient(url), files, process.stdout.isTTY === true);
  print(`${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed`);
  for (const f of summary.failed) print(`✗ ${f.path}: ${f.error}`);
  process.exitCode = summary.failed.length ? 1 : 0;
}

program
  .command('register')
  .description('register or update data products from descriptor files or folders (YAML or JSON)')
  .argument('<paths...>', 'descriptor files or folders')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .action(async (paths: string[], o: { url: string }) => registerAndReport(o.url, await collectDescriptorFiles(paths)));

program
  .command('validate')
  .description("run every check a registration runs (schema, JSON-LD, global policies) on descriptor files, storing nothing; exit code 1 when one would be refused")
  .argument('<paths...>', 'descriptor files or folders')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .option('--json', 'print the results as JSON')
  .action(async (paths: string[], o: { url: string; json?: boolean }) => {
    const files = await collectDescriptorFiles(paths);
    if (files.length === 0) throw new Error(`no descriptor files (.yaml, .yml, .json, .jsonld) in ${paths.join(', ')}`);
    const results = await validateFiles(createClient(o.url), files);
    if (o.json) print(JSON.stringify(results, null, 2));
    else for (const r of results) for (const line of describeValidation(r)) print(line);
    process.exitCode = results.some((r) => !r.result.valid) ? 1 : 0;
  });

program
  .command('search')
  .description('search the catalog as the UI does: ranked, with the factors that moved each product')
  .argument('<query...>', 'what to look for')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .option('--limit <n>', 'how many products to show (1 to 100)', '10')
  .option('--json', 'print the API answer as JSON')
  .action(async (words: string[], o: { url: string; limit: string; json?: boolean }) => {
    const q = words.join(' ');
    const answer = await createClient(o.url).search(q, Number(o.limit));
    if (o.json) print(JSON.stringify(answer, null, 2));
    else for (const line of describeSearch(q, answer)) print(line);
  });

program
  .command('export')
  .description("print a product: its descriptor as YAML, or its RDF (DCAT/DPROD with its semantic model) as JSON-LD or Turtle")
  .argument('<iri>', 'the product IRI')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .addOption(new Option('--format <format>', 'what to print').choices(['yaml', 'jsonld', 'turtle']).default('yaml'))
  .action(async (iri: string, o: { url: string; format: 'yaml' | 'jsonld' | 'turtle' }) => {
    const client = createClient(o.url);
    const text = o.format === 'yaml' ? stringify(await client.descriptor(iri)) : await client.rdf(iri, o.format === 'jsonld' ? 'application/ld+json' : 'text/turtle');
    process.stdout.write(text);
  });

const lineage = program.command('lineage').description('OpenLineage events');
lineage
  .command('replay')
  .description('send the OpenLineage events of files (NDJSON, one event per line, or a JSON array) through the lineage port; each is stored once')
  .argument('<files...>', 'event files')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .action(async (files: string[], o: { url: string }) => {
    const client = createClient(o.url);
    let [stored, duplicates] = [0, 0];
    const failed: string[] = [];
    for (const path of files) {
      const { events, unreadable } = await readLineageFile(path);
      failed.push(...unreadable);
      const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: `  ${path} {bar} {value}/{total} events` }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(events.length, 0);
      const sent = await sendLineage(
        client,
        events.map((e) => e.event),
        { labelOf: (k) => `${path}:${events[k]?.line ?? '?'}`, onProgress: (n) => bar?.update(n) },
      ).finally(() => bar?.stop());
      stored += sent.stored;
      duplicates += sent.duplicates;
      failed.push(...sent.failed);
    }
    print(`${stored} stored, ${duplicates} already stored, ${failed.length} failed`);
    for (const f of failed) print(`✗ ${f}`);
    process.exitCode = failed.length ? 1 : 0;
  });

program
  .command('demo')
  .description('load the Daff demo mesh (fictional demo data, with a week of OpenLineage runs and its usage, ratings and SLO history) into a running Quanta')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .action(async (o: { url: string }) => {
    if (!(await loadDemo(createClient(o.url), print))) process.exitCode = 1;
  });

program
  .command('reindex')
  .description('rebuild the search index from the knowledge graph')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .action(async (o: { url: string }) => {
    const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: '  reindexing {bar} {value}/{total} products' }, cliProgress.Presets.shades_classic) : undefined;
    let started = false;
    const report = await createClient(o.url)
      .reindex((done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      })
      .finally(() => bar?.stop());
    print(`reindexed ${report.documents} products in ${report.millis} ms${report.failed ? `; ${report.failed} could not be projected (see the server log)` : ''}`);
  });

program
  .command('reconcile')
  .description('compare the search index with the knowledge graph and repair what differs (missing, stale and orphaned documents)')
  .option('--url <url>', 'base URL of a running Quanta', DEFAULT_URL)
  .option('--dry-run', 'report only, repair nothing')
  .action(async (o: { url: string; dryRun?: boolean }) => {
    const r = await createClient(o.url).reconcile(o.dryRun === true);
    print(`${r.products} products, ${r.documents} documents: ${r.missing} missing, ${r.stale} stale, ${r.orphaned} orphaned (${r.millis} ms)`);
    for (const kind of ['missing', 'stale', 'orphaned'] as const) for (const iri of r.examples[kind]) print(`  ${kind}: ${iri}`);
    const differs = r.missing + r.stale + r.orphaned > 0;
    if (differs) print(r.repaired ? `repairing: ${r.pending} products queued for the search index` : 'nothing repaired (dry run)');
    process.exitCode = differs && !r.repaired ? 1 : 0;
  });

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`quanta: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
