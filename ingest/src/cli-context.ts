import { InvalidArgumentError, type Command } from 'commander';
import { ApiError, createClient, UnreachableError, type Client } from './client.js';
import { ClientEnvError, clientEnv, SERVER_URL } from './client-config.js';
import { ImportRefusedError } from './importers/import-types.js';
import { NO_PROGRESS, progressOn, type Progress } from './progress.js';

/** Where Quanta runs unless `--server` or `QUANTA_SERVER` says otherwise: what `quanta up` starts. */
export const DEFAULT_SERVER = 'http://127.0.0.1:4000';

/**
 * Exit codes, the same for every command (docs/cli.md): 0 done; 1 something was refused or failed
 * (a finding, a failed file); 2 the command line itself was wrong; 3 Quanta could not be reached.
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

/** `--server`'s value, checked as commander parses it, so a wrong one is a usage error (exit 2). */
export function serverUrl(value: string): string {
  if (!SERVER_URL.test(value)) throw new InvalidArgumentError('give the base URL of a running Quanta, such as http://127.0.0.1:4000');
  return value;
}

/** `--limit`'s value: a whole number from 1 to 100, as the search API takes it. */
export function searchLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('give a whole number from 1 to 100');
  return n;
}

/** The options every command takes (`--server`, `--token`, `--json`). */
interface GlobalOptions {
  readonly server?: string;
  readonly url?: string;
  readonly token?: string;
  readonly json?: boolean;
}

/** What a command needs from the command line: a client, the output mode, and where to print. */
export interface CliContext {
  readonly client: Client;
  readonly server: string;
  /** `--json`: print one JSON document on standard output instead of lines for people. */
  readonly json: boolean;
  /** A line of the answer, on standard output. */
  print(line: string): void;
  /** Prints `value` as the JSON answer. */
  printJson(value: unknown): void;
  /** A progress report on standard error, silenced in `--json` mode. */
  progress(label: string, unit: string): Progress;
}

/** The context of a command, from its own and the program's options (flags, then environment, then defaults). */
export function contextOf(command: Command): CliContext {
  const o = command.optsWithGlobals<GlobalOptions>();
  const env = clientEnv();
  const server = o.server ?? o.url ?? env.server ?? DEFAULT_SERVER;
  const token = o.token ?? env.token;
  const json = o.json === true;
  return {
    client: createClient(server, token ? { token } : {}),
    server,
    json,
    print: (line) => process.stdout.write(`${line}\n`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (label, unit) => (json ? NO_PROGRESS : progressOn(process.stderr, label, unit)),
  };
}

/**
 * Ends a failed command the one way every command ends: the reason on standard error (a JSON
 * `{error}` with `--json`, so scripts can read it), and the exit code of its kind.
 */
export function fail(err: unknown, json: boolean): void {
  const code = err instanceof UnreachableError ? EXIT.unreachable : err instanceof ClientEnvError ? EXIT.usage : EXIT.refused;
  const message = err instanceof Error ? err.message : String(err);
  const findings = err instanceof ImportRefusedError ? err.findings : [];
  if (json) {
    process.stderr.write(`${JSON.stringify({ error: message, ...(err instanceof ApiError && { status: err.status }), ...(findings.length && { findings }) })}\n`);
  } else {
    process.stderr.write(`quanta: ${message}\n${findings.map((f) => `    ${f.pointer}: ${f.message}\n`).join('')}`);
  }
  process.exitCode = code;
}
