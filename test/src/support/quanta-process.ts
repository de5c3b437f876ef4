import { type ChildProcess, spawn } from 'node:child_process';
import { newTokenSecret } from '@quanta/model';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendEnv, resetBackend } from './backend.js';
import { useToken } from './http.js';
import { SERVER_MAIN } from './paths.js';

/** A real Quanta server process on loopback, owned by a test. */
export interface QuantaProcess {
  readonly url: string;
  /** The web UI's address, when started with `--web`. */
  readonly webUrl?: string;
  readonly dataDir: string;
  readonly pid: number;
  /**
   * The admin token it was started with (`QUANTA_ADMIN_TOKEN`, ADR 0016): a fresh secret per data
   * directory unless `adminToken: false` asked for none.
   */
  readonly adminToken?: string;
  /** What it printed so far, standard output and error (the last megabyte). */
  output(): string;
  /** Stops it with SIGTERM and waits. */
  stop(): Promise<void>;
  /** Kills it with SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  /** Starts a new process on the same data directory. */
  restart(): Promise<QuantaProcess>;
  /** Removes the data directory (after stopping). */
  cleanup(): void;
}

/** Options for {@link startQuanta}. */
export interface StartOptions {
  /** Reuse a data directory; a fresh temporary one otherwise. */
  readonly dataDir?: string;
  /** Extra environment, e.g. `QUANTA_MAX_BODY_BYTES`. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** The port to listen on, for a client started before the server; an ephemeral one unless given. */
  readonly port?: number;
  /** Extra command-line flags, e.g. `--split`. */
  readonly args?: readonly string[];
  /** The admin secret to start with; `false` for none (a first start then creates and prints one). */
  readonly adminToken?: string | false;
}

/**
 * Starts `services/server/dist/main.js` on an ephemeral port (or `port`) and resolves once it logs the URL it
 * listens on. The process is real: tests can SIGKILL it and start another on the same data.
 */
export async function startQuanta(options: StartOptions = {}): Promise<QuantaProcess> {
  if (!options.dataDir) await resetBackend(); // a fresh start means an empty graph, on any backend
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'quanta-e2e-'));
  const adminToken = options.adminToken === false ? undefined : (options.adminToken ?? newTokenSecret());
  const child = spawn(process.execPath, [SERVER_MAIN, '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--data-dir', dataDir, ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', QUANTA_LOG_LEVEL: 'info', ...backendEnv(), ...(adminToken && { QUANTA_ADMIN_TOKEN: adminToken }), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let transcript = '';
  const keep = (chunk: Buffer) => (transcript = (transcript + chunk.toString()).slice(-1_000_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const { url, webUrl } = await waitForUrl(child, options.timeoutMs ?? 60_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The suites call as an admin unless they say otherwise (an Authorization header of their own).
  useToken(url, adminToken);
  const self: QuantaProcess = {
    url,
    ...(webUrl && { webUrl }),
    dataDir,
    pid: child.pid ?? -1,
    ...(adminToken && { adminToken }),
    output: () => transcript,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    restart: () => startQuanta({ ...options, dataDir, adminToken: adminToken ?? false }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
  return self;
}

/** The API's address, and the UI's when the server started one (it logs that line first). */
function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<{ url: string; webUrl?: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The API's own line: a split server's subgraph processes log their addresses too.
      const match = /Quanta API listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        const web = /Quanta UI listening on (http:\/\/[^"\s]+)/.exec(output)?.[1];
        resolve({ url: match[1], ...(web && { webUrl: web }) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}
