import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuantaConfig } from '@quanta/config';
import type { Logger } from 'pino';

const READY_TIMEOUT_MS = 60_000;

/** The UI process next to the API. */
export interface WebProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** The UI is not built: `npm run build` (or the setup script) builds it. */
export class WebNotBuiltError extends Error {
  override readonly name = 'WebNotBuiltError';
}

/**
 * Where the UI's start script is. The UI is a package of its own that reaches the API over HTTP
 * only (DESIGN.md §3 rule 4), so the server runs it as a process rather than importing it.
 */
function webEntry(): string {
  const entry = fileURLToPath(import.meta.resolve('@quanta/web/start'));
  if (!existsSync(join(dirname(entry), '.next', 'BUILD_ID'))) {
    throw new WebNotBuiltError(`the web UI in ${dirname(entry)} is not built: run \`npm run build\` (scripts/setup.sh does)`);
  }
  return entry;
}

/**
 * Starts the Next.js UI on `config.webPort`, reading from the API at `apiUrl`, and waits until it
 * listens. The child ends with this process (IPC channel), however this one ends.
 * @throws WebNotBuiltError when the UI has not been built
 */
export async function startWeb(apiUrl: string, config: QuantaConfig, logger: Logger): Promise<WebProcess> {
  const child = spawn(process.execPath, [webEntry(), '--api-url', apiUrl, '--port', String(config.webPort), '--host', config.host], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web UI did not listen within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.once('message', (m: { url?: string }) => {
      clearTimeout(timer);
      if (m.url) resolve(m.url);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the web UI exited before it listened (${code ?? signal}); is port ${config.webPort} free?`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  logger.info({ url, pid: child.pid }, `Quanta UI listening on ${url}`);
  return { url, stop };
}
