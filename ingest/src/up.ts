import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createClient } from './client.js';
import { collectDescriptorFiles } from './descriptor-files.js';
import { DEMO_DIR, serverEntry } from './paths.js';
import { registerFiles } from './register-files.js';

/** Options of `quanta up`. */
export interface UpOptions {
  readonly port: string;
  readonly host: string;
  readonly dataDir: string;
  readonly demo: boolean;
}

/**
 * Starts the server as a child process, waits until it is ready, loads the demo mesh when the
 * data directory was empty, and prints where everything is. Signals are passed on to the server.
 */
export async function up(options: UpOptions, print: (line: string) => void): Promise<number> {
  const firstStart = await isEmpty(options.dataDir);
  const args = ['--port', options.port, '--host', options.host, '--data-dir', options.dataDir];
  if (process.stdout.isTTY) args.push('--log-format', 'pretty');
  const child = spawn(process.execPath, [serverEntry(), ...args], { stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));

  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  const client = createClient(base);
  const ready = await Promise.race([waitUntilReady(client), exited.then(() => false)]);
  if (!ready) return exited;

  if (firstStart && options.demo) {
    print(`Loading the Daff demo mesh (demo data, fictional) into ${options.dataDir} ...`);
    const summary = await registerFiles(client, await collectDescriptorFiles([DEMO_DIR]), process.stdout.isTTY === true);
    print(`  ${summary.created} demo products registered${summary.failed.length ? `, ${summary.failed.length} failed` : ''}`);
    for (const f of summary.failed) print(`  ✗ ${f.path}: ${f.error}`);
  }
  print('');
  print(`Quanta is up:`);
  print(`  API        ${base}/api/v1`);
  print(`  Search     ${base}/api/v1/search?q=listener`);
  print(`  OpenAPI    ${base}/api/v1/openapi.json`);
  print(`  Health     ${base}/healthz  ${base}/readyz  ${base}/metrics`);
  print(`  Data       ${options.dataDir}`);
  print('Press Ctrl+C to stop.');
  return exited;
}

async function isEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

async function waitUntilReady(client: ReturnType<typeof createClient>, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await client.ready()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not become ready within ${timeoutMs / 1000} s`);
}
