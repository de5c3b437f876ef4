import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from './env.js';
import type { Logger } from 'pino';
import { problemOf } from './error-handler.js';

/** Newline-delimited JSON: one object per line, each flushed as written. */
export const NDJSON = 'application/x-ndjson';

/** Progress lines at most this often: a terminal needs no more, and a 100k rebuild reports 200 pages. */
const EVERY_MS = 250;

/**
 * Runs long work and streams its progress as NDJSON: `{"progress":{"done":n,"total":m}}` lines,
 * then `{"report":…}` with what the work returned. The status is 200 before the work ends, so a
 * failure arrives as a last `{"problem":…}` line (the problem document the error would have had).
 */
export function streamProgress<T>(
  c: Context<AppEnv>,
  logger: Logger,
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
  onDone: (result: T) => void,
): Response {
  c.header('Content-Type', NDJSON);
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    let last = 0;
    const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
    try {
      const result = await work((done, total) => {
        const now = Date.now();
        if (now - last < EVERY_MS && done < total) return;
        last = now;
        void line({ progress: { done, total } });
      });
      onDone(result);
      await line({ report: result });
    } catch (error) {
      await line({ problem: problemOf(error, c, logger).body });
    }
  });
}
