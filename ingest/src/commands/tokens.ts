import { newTokenSecret } from '@quanta/model';
import { Option, type Command } from 'commander';
import type { ApiTokenRecord } from '../client.js';
import { contextOf } from '../cli-context.js';

/** One line per token, as `quanta token list` prints them. */
function describeToken(t: ApiTokenRecord): string {
  const who = t.team ? ` team ${t.team}` : t.consumer ? ` consumer ${t.consumer}` : '';
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'active';
  return `${t.id}  ${t.role}${who}  “${t.name}”  created ${t.createdAt} by ${t.createdBy}  ${state}`;
}

/** `quanta token create|list|revoke|secret`: API tokens for teams, consumers and admins (ADR 0016). */
export function tokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens for owner teams, consumers and admins (needs an admin --token)');
  token
    .command('create')
    .description('create a token and print its secret, which is shown only this once')
    .requiredOption('--name <name>', 'what the token is for, as lists show it (e.g. "player team CI")')
    .addOption(new Option('--role <role>', 'owner: registers its team\'s products; consumer: reports usage and rates; reader: reads; admin: everything').choices(['owner', 'consumer', 'reader', 'admin']).makeOptionMandatory())
    .option('--team <slug>', 'the owner team (with --role owner)')
    .option('--consumer <team or IRI>', 'who the consumer is (with --role consumer): a team slug or a consuming product IRI')
    .option('--expires <date-time>', 'when it stops working, e.g. 2027-01-01T00:00:00Z')
    .action(async (o: { name: string; role: string; team?: string; consumer?: string; expires?: string }, command: Command) => {
      const cli = contextOf(command);
      const created = await cli.client.createToken({ name: o.name, role: o.role, ...(o.team && { team: o.team }), ...(o.consumer && { consumer: o.consumer }), ...(o.expires && { expiresAt: o.expires }) });
      if (cli.json) return cli.printJson(created);
      cli.print(describeToken(created.token));
      cli.print('Its secret, shown only now (Quanta keeps its hash):');
      cli.print(`  ${created.secret}`);
    });
  token
    .command('list')
    .description('list every token, revoked ones too (no secrets)')
    .action(async (_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const tokens = await cli.client.listTokens();
      if (cli.json) return cli.printJson(tokens);
      for (const t of tokens) cli.print(describeToken(t));
      if (tokens.length === 0) cli.print('no tokens');
    });
  token
    .command('revoke')
    .description('revoke a token: from now on it authenticates no one')
    .argument('<id>', 'the token id (tok_…), as `quanta token list` shows it')
    .action(async (id: string, _o: unknown, command: Command) => {
      // A secret pasted here would travel in a URL (logged by proxies): refuse it before sending.
      if (id.startsWith('quanta_')) command.error('error: that is a token secret, not its id: `quanta token list` shows ids (tok_…)', { exitCode: 2 });
      const cli = contextOf(command);
      const r = await cli.client.revokeToken(id);
      if (cli.json) return cli.printJson(r);
      cli.print(r.outcome === 'revoked' ? `revoked ${id}` : `${id} was revoked already`);
    });
  token
    .command('secret')
    .description('print a new random secret, e.g. for QUANTA_ADMIN_TOKEN (nothing is sent anywhere)')
    .action((_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const secret = newTokenSecret();
      if (cli.json) cli.printJson({ secret });
      else cli.print(secret);
    });
  program
    .command('whoami')
    .description('who the token (--token or QUANTA_TOKEN) stands for, and what it may do')
    .action(async (_o: unknown, command: Command) => {
      const cli = contextOf(command);
      const me = await cli.client.whoami();
      if (cli.json) return cli.printJson(me);
      const may = me.admin ? 'an admin: may do anything' : me.teams.length > 0 ? `owner of team ${me.teams.join(', ')}` : me.consumer ? 'a consumer' : 'a reader';
      cli.print(`${me.subject}: ${may}${me.consumer ? `; signals are recorded as ${me.consumer}` : ''}`);
    });
}
