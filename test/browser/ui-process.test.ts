import { afterAll, describe, expect, it } from 'vitest';
import { type QuantaProcess, startQuanta } from '../src/index.js';

// The UI is a child process of the server (ADR 0013): it must never outlive it, however the
// server ends, or a restarted `quanta up` would find its port taken.
async function gone(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (!answered) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('the UI process beside the server', () => {
  const started: QuantaProcess[] = [];
  afterAll(async () => {
    for (const q of started) {
      await q.stop().catch(() => undefined);
      q.cleanup();
    }
  });

  it('ends when the server is stopped, and when it is killed with SIGKILL', async () => {
    for (const end of ['stop', 'kill9'] as const) {
      const q = await startQuanta({ args: ['--web', '--web-port', '0'] });
      started.push(q);
      const web = q.webUrl as string;
      expect((await fetch(`${web}/owners`)).status).toBe(200);
      await q[end]();
      expect(await gone(`${web}/owners`, 15_000)).toBe(true);
    }
  });
});
