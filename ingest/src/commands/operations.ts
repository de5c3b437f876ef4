import type { Command } from 'commander';
import { contextOf, EXIT } from '../cli-context.js';
import { loadDemo } from '../demo.js';
import { readLineageFile } from '../lineage-file.js';
import { sendLineage } from '../send-lineage.js';

/** `lineage replay`, `reindex`, `reconcile` and `demo`: feeding and maintaining a running Quanta. */
export function operationCommands(program: Command): void {
  const lineage = program.command('lineage').description('OpenLineage events');
  lineage
    .command('replay')
    .description('send the OpenLineage events of files (NDJSON, one event per line, or a JSON array) through the lineage port; each is stored once')
    .argument('<files...>', 'event files')
    .action(async (files: string[], _o: unknown, command: Command) => {
      const cli = contextOf(command);
      let [stored, duplicates] = [0, 0];
      const failed: string[] = [];
      for (const path of files) {
        const { events, unreadable } = await readLineageFile(path);
        failed.push(...unreadable);
        const progress = cli.progress(`replaying ${path}`, 'events');
        progress.start(events.length);
        const sent = await sendLineage(
          cli.client,
          events.map((e) => e.event),
          { labelOf: (k) => `${path}:${events[k]?.line ?? '?'}`, onProgress: (n) => progress.update(n) },
        ).finally(() => progress.stop());
        stored += sent.stored;
        duplicates += sent.duplicates;
        failed.push(...sent.failed);
      }
      if (cli.json) cli.printJson({ stored, duplicates, failed });
      else {
        cli.print(`${stored} stored, ${duplicates} already stored, ${failed.length} failed`);
        for (const f of failed) cli.print(`✗ ${f}`);
      }
      process.exitCode = failed.length ? EXIT.refused : EXIT.ok;
    });

  program
    .command('demo')
    .description('load the Daff demo mesh (fictional demo data, with a week of OpenLineage runs and its usage, ratings and SLO history) into a running Quanta')
    .action(async (_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const lines: string[] = [];
      const ok = await loadDemo(cli.client, cli.json ? (line) => lines.push(line) : cli.print);
      if (cli.json) cli.printJson({ loaded: ok, log: lines.map((l) => l.trim()) });
      if (!ok) process.exitCode = EXIT.refused;
    });

  program
    .command('backup')
    .description('back up the knowledge graph while Quanta serves (embedded graph; admins): the server writes it under its data directory')
    .action(async (_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const report = await cli.client.backup();
      if (cli.json) cli.printJson(report);
      else cli.print(`backed up ${report.products} products (${Math.round(report.bytes / 1024)} KiB) to ${report.file}`);
    });

  program
    .command('reindex')
    .description('rebuild the search index from the knowledge graph')
    .action(async (_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const progress = cli.progress('reindexing', 'products');
      let total = -1;
      const report = await cli.client
        .reindex((done, t) => {
          if (t !== total) progress.start(t);
          total = t;
          progress.update(done);
        })
        .finally(() => progress.stop());
      if (cli.json) cli.printJson(report);
      else cli.print(`reindexed ${report.documents} products in ${report.millis} ms${report.failed ? `; ${report.failed} could not be projected (see the server log)` : ''}`);
    });

  program
    .command('reconcile')
    .description('compare the search index with the knowledge graph and repair what differs (missing, stale and orphaned documents)')
    .option('--dry-run', 'report only, repair nothing')
    .action(async (o: { dryRun?: boolean }, command: Command) => {
      const cli = contextOf(command);
      const r = await cli.client.reconcile(o.dryRun === true);
      const differs = r.missing + r.stale + r.orphaned > 0;
      process.exitCode = differs && !r.repaired ? EXIT.refused : EXIT.ok;
      if (cli.json) return cli.printJson(r);
      cli.print(`${r.products} products, ${r.documents} documents: ${r.missing} missing, ${r.stale} stale, ${r.orphaned} orphaned (${r.millis} ms)`);
      for (const kind of ['missing', 'stale', 'orphaned'] as const) for (const iri of r.examples[kind]) cli.print(`  ${kind}: ${iri}`);
      if (differs) cli.print(r.repaired ? `repairing: ${r.pending} products queued for the search index` : 'nothing repaired (dry run)');
    });
}
