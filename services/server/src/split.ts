import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuantaConfig } from '@quanta/config';
import type { SubgraphTarget } from '@quanta/gateway';
import type { Logger } from 'pino';
import { SUBGRAPH_NAMES } from './subgraphs.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

/** The subgraph processes of a split deployment, and how to reach and stop them. */
export interface SubgraphProcesses {
  readonly targets: Readonly<Record<string, SubgraphTarget>>;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph in a process of its own (this server's entry point with `--subgraph`), on
 * loopback ports of their choosing, and waits until each says where it listens. Children inherit
 * the environment, so they open the same backends.
 */
export async function startSubgraphProcesses(config: QuantaConfig, logger: Logger): Promise<SubgraphProcesses> {
  const scratch = mkdtempSync(join(tmpdir(), 'quanta-split-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const urls = await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const readyFile = join(scratch, `${name}.json`);
        const child = spawn(process.execPath, [MAIN, '--subgraph', name, '--port', '0', '--host', '127.0.0.1', '--data-dir', config.dataDir, '--ready-file', readyFile], {
          // The IPC channel is how a child learns that its server is gone, even after kill -9.
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        children.push(child);
        const url = await readyUrl(child, readyFile, name);
        logger.info({ subgraph: name, url, pid: child.pid }, `subgraph ${name} listening on ${url}`);
        return [name, { url: `${url}/graphql` }] as const;
      }),
    );
    return { targets: Object.fromEntries(urls), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The URL a child writes to its ready file; fails if the child exits or takes too long first. */
async function readyUrl(child: ChildProcess, file: string, name: string): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`subgraph ${name} exited before it listened (${child.exitCode ?? child.signalCode})`);
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`subgraph ${name} did not listen within ${READY_TIMEOUT_MS / 1000} s`);
}
