import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuantaConfig } from '@quanta/config';
import type { Logger } from 'pino';

const READY_TIMEOUT_MS = 60_000;
/** How long the UI may take to finish its responses when asked to stop, before it is killed. */
const STOP_GRACE_MS = 10_000;

/** The UI process next to the API. */
export interface WebProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** The UI is not built, or not installed beside the server: the API is then served alone. */
export class WebNotBuiltError extends Error {
  override readonly name = 'WebNotBuiltError';
}

/**
 * Where the UI's start script is. The UI is a package of its own that reaches the API over HTTP
 * only (DESIGN.md §3 rule 4), so the server runs it as a process rather than importing it.
 * @throws WebNotBuiltError when the package cannot be found or has no production build
 */
function webEntry(): string {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@quanta/web/start'));
  } catch {
    throw new WebNotBuiltError('the web UI (@quanta/web) is not installed beside the server');
  }
  if (!existsSync(join(dirname(entry), '.next', 'BUILD_ID'))) {
    throw new WebNotBuiltError(`the web UI in ${dirname(entry)} is not built: run \`npm run build\` (scripts/setup.sh does)`);
  }
  return entry;
}

/**
 * Starts the Next.js UI on `config.webPort`, reading from the API at `apiUrl`, and waits until it
 * listens, as a reader with `readerToken`. The child gets no environment of the server's (no database passwords: it needs none),
 * and ends with this process through the IPC channel, however this one ends.
 * @throws WebNotBuiltError when the UI has not been built
 */
export async function startWeb(apiUrl: string, readerToken: string, config: QuantaConfig, logger: Logger): Promise<WebProcess> {
  const child = spawn(process.execPath, [webEntry(), '--api-url', apiUrl, '--port', String(config.webPort), '--host', config.host], {
    // The token goes in the environment, not the arguments: `ps` shows arguments to everyone.
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', QUANTA_WEB_TOKEN: readerToken },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let ready = false;
  let stopping = false;
  child.on('error', (error) => logger.error({ err: error }, 'the web UI process failed'));
  child.once('exit', (code, signal) => {
    if (ready && !stopping) logger.warn({ code, signal }, 'the web UI exited; the API goes on without it');
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
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
  ready = true;
  logger.info({ url, pid: child.pid }, `Quanta UI listening on ${url}`);
  return { url, stop };
}
