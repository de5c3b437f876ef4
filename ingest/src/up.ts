import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from './client.js';
import { loadDemo } from './demo.js';
import { serverEntry } from './paths.js';

/** Options of `quanta up`. Unset ones are left to the server's configuration (flags > environment > defaults). */
export interface UpOptions {
  readonly port?: string;
  readonly host?: string;
  readonly dataDir?: string;
  readonly demo: boolean;
  /** Each GraphQL subgraph in its own process (ADR 0012). */
  readonly split?: boolean;
  /** The web UI's port; `web: false` (`--no-web`) serves the API only. */
  readonly webPort?: string;
  readonly web: boolean;
}

/** What the server writes to its ready file once it listens. */
interface Ready {
  readonly url: string;
  /** Absent when the UI was not asked for or is not built (the server says why). */
  readonly webUrl?: string;
  readonly dataDir: string;
  readonly productsAtStart: number;
  /** The admin token a first start created (ADR 0016): shown once, here. */
  readonly firstAdminToken?: string;
}

/**
 * Starts the server as a child process, waits for its ready file, loads the demo mesh when the
 * catalog started empty, and prints where everything is. The CLI reads no configuration itself:
 * the server owns it and reports the address it ended up on.
 */
export async function up(options: UpOptions, print: (line: string) => void): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'quanta-up-'));
  const readyFile = join(scratch, 'ready.json');
  const child = spawn(process.execPath, [serverEntry(), ...serverArgs(options), '--ready-file', readyFile], { stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  // A terminal's Ctrl+C reaches the server by itself (same process group); a SIGTERM sent to the
  // CLI alone is passed on so that stopping `quanta up` always stops the server.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => undefined);

  const ready = await Promise.race([waitForReadyFile(readyFile), exited.then(() => undefined)]);
  rmSync(scratch, { recursive: true, force: true });
  if (!ready) return exited;

  if (ready.productsAtStart === 0 && options.demo) {
    print(`Loading the Daff demo mesh (demo data, fictional) into ${ready.dataDir} ...`);
    await loadDemo(createClient(ready.url, ready.firstAdminToken ? { token: ready.firstAdminToken } : {}), print);
  }
  printUrls(ready, print);
  return exited;
}

function serverArgs(o: UpOptions): string[] {
  const args: string[] = [];
  if (o.port) args.push('--port', o.port);
  if (o.host) args.push('--host', o.host);
  if (o.dataDir) args.push('--data-dir', o.dataDir);
  if (o.split) args.push('--split');
  if (o.web) args.push('--web');
  if (o.webPort) args.push('--web-port', o.webPort);
  if (process.stdout.isTTY) args.push('--log-format', 'pretty');
  return args;
}

function printUrls({ url, webUrl, dataDir, firstAdminToken }: Ready, print: (line: string) => void): void {
  print('');
  print('Quanta is up:');
  if (webUrl) print(`  UI         ${webUrl}`);
  print(`  API        ${url}/api/v1`);
  print(`  Search     ${url}/api/v1/search?q=listener`);
  print(`  OpenAPI    ${url}/api/v1/openapi.json`);
  print(`  GraphQL    ${url}/graphql`);
  print(`  Health     ${url}/healthz  ${url}/readyz  ${url}/metrics`);
  print(`  Data       ${dataDir}`);
  if (firstAdminToken) {
    print('');
    print('An admin token was created for this first start. It is shown only now; keep it:');
    print(`  ${firstAdminToken}`);
    print('  (with QUANTA_TOKEN=<it> in the environment, `quanta token create …` makes tokens for teams and consumers)');
  }
  print('Press Ctrl+C to stop.');
}

async function waitForReadyFile(file: string): Promise<Ready> {
  for (;;) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Ready;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
