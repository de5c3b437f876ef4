import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { describeSearch, describeValidation, validateFiles } from '../check-files.js';
import { contextOf, EXIT, searchLimit } from '../cli-context.js';
import { collectDescriptorFiles } from '../descriptor-files.js';
import { importDocument } from '../importers/import-document.js';
import { STANDARDS, type Standard } from '../importers/import-types.js';
import { registerFiles } from '../register-files.js';

/** Descriptor files under `paths`, or an error that says none were found. */
async function descriptorFiles(paths: readonly string[]) {
  const files = await collectDescriptorFiles(paths);
  if (files.length === 0) throw new Error(`no descriptor files (.yaml, .yml, .json, .jsonld) in ${paths.join(', ')}`);
  return files;
}

/** `register`, `validate`, `import`, `export` and `search`: the commands a data product's pipeline runs. */
export function productCommands(program: Command): void {
  program
    .command('register')
    .description('register or update data products from descriptor files or folders (YAML or JSON), with progress and a summary')
    .argument('<paths...>', 'descriptor files or folders (searched recursively)')
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const cli = contextOf(command);
      const summary = await registerFiles(cli.client, await descriptorFiles(paths), cli.progress('registering', 'descriptors'));
      if (cli.json) cli.printJson(summary);
      else {
        cli.print(`${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed`);
        for (const f of summary.failed) cli.print(`✗ ${f.path}: ${f.error}`);
      }
      process.exitCode = summary.failed.length ? EXIT.refused : EXIT.ok;
    });

  program
    .command('validate')
    .description('run every check a registration runs (schema, JSON-LD, global policies) on descriptor files, storing nothing; exit code 1 when one would be refused')
    .argument('<paths...>', 'descriptor files or folders')
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const cli = contextOf(command);
      const results = await validateFiles(cli.client, await descriptorFiles(paths));
      if (cli.json) cli.printJson(results);
      else for (const r of results) for (const line of describeValidation(r)) cli.print(line);
      process.exitCode = results.some((r) => !r.result.valid) ? EXIT.refused : EXIT.ok;
    });

  program
    .command('import')
    .description('map an ODPS, ODCS, DPDS or Data Contract Specification document onto a descriptor: print it (YAML), or register it with --register; what could not be mapped is listed on standard error')
    .addOption(new Option('--from <standard>', 'the standard the document follows').choices([...STANDARDS]).makeOptionMandatory())
    .argument('<file>', 'the source document (YAML or JSON)')
    .option('--register', 'register the mapped descriptor instead of printing it')
    .option('--domain <slug>', 'the domain, when the document names none')
    .option('--owner <team>', 'the owner team, when the document names none')
    .option('--base-iri <iri>', 'mint product IRIs as <base>/<domain>/<name> when the source id is neither a UUID nor an IRI')
    .action(async (file: string, o: { from: Standard; register?: boolean; domain?: string; owner?: string; baseIri?: string }, command: Command) => {
      const cli = contextOf(command);
      const result = await importDocument(o.from, await readFile(file, 'utf8'), {
        path: file,
        ...(o.domain && { domain: o.domain }),
        ...(o.owner && { owner: o.owner }),
        ...(o.baseIri && { baseIri: o.baseIri }),
      });
      const registration = o.register ? await cli.client.register(JSON.stringify(result.descriptor), 'json') : undefined;
      if (cli.json) {
        cli.printJson({ ...result, ...(registration && { registration: { outcome: registration.outcome, revision: registration.revision } }) });
        return;
      }
      // The report goes to standard error, so `quanta import … > product.yaml` writes the descriptor alone.
      const report = (line: string) => process.stderr.write(`${line}\n`);
      report(`${file}: ${o.from.toUpperCase()} ${result.standardVersion} → ${result.descriptor.id}`);
      for (const note of result.notes) report(`    note: ${note}`);
      for (const u of result.unmapped) report(`    not mapped ${u.pointer}: ${u.reason}`);
      if (registration) cli.print(`${registration.outcome} ${result.descriptor.id} (revision ${registration.revision})`);
      else process.stdout.write(stringify(result.descriptor));
    });

  program
    .command('export')
    .description('print a product: its descriptor as YAML (or JSON with --json), or its RDF (DCAT/DPROD with its semantic model) as JSON-LD or Turtle')
    .argument('<iri>', 'the product IRI')
    .addOption(new Option('--format <format>', 'what to print').choices(['yaml', 'jsonld', 'turtle']).default('yaml'))
    .action(async (iri: string, o: { format: 'yaml' | 'jsonld' | 'turtle' }, command: Command) => {
      const cli = contextOf(command);
      if (o.format === 'yaml') {
        const descriptor = await cli.client.descriptor(iri);
        if (cli.json) cli.printJson(descriptor);
        else process.stdout.write(stringify(descriptor));
        return;
      }
      process.stdout.write(await cli.client.rdf(iri, o.format === 'jsonld' ? 'application/ld+json' : 'text/turtle'));
    });

  program
    .command('search')
    .description('search the catalog as the UI does: ranked, with the factors that moved each product')
    .argument('<query...>', 'what to look for')
    .option('--limit <n>', 'how many products to show (1 to 100)', searchLimit, 10)
    .action(async (words: string[], o: { limit: number }, command: Command) => {
      const cli = contextOf(command);
      const q = words.join(' ');
      const answer = await cli.client.search(q, o.limit);
      if (cli.json) cli.printJson(answer);
      else for (const line of describeSearch(q, answer)) cli.print(line);
    });
}
