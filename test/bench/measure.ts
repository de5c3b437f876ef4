import cliProgress from 'cli-progress';

/** The p-th percentile (nearest rank) of some figures. */
export const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** One decimal. */
export const f1 = (x: number): string => x.toFixed(1);

/** A progress bar on stderr that shows the rate, for long loads. */
export function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar({ format: `  ${label} {bar} {value}/{total} ({rate}/s)`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  const started = performance.now();
  bar.start(total, 0, { rate: 0 });
  return {
    update: (done: number) => bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) }),
    /** Stops the bar and returns items per second. */
    stop: () => {
      bar.stop();
      return total / ((performance.now() - started) / 1000);
    },
  };
}

/**
 * Sends `send(i)` every 1000/rate ms for `seconds`, whether or not earlier ones have answered (an
 * open loop: a slow answer cannot slow the offered load), prints p50/p95/p99, and returns each
 * request's latency in ms.
 */
export async function openLoop({ label, seconds, rate }: { label: string; seconds: number; rate: number }, send: (i: number) => Promise<void>): Promise<number[]> {
  const total = seconds * rate;
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(inFlight);
  const achieved = total / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(34)} p50 ${f1(pct(latencies, 50)).padStart(5)} ms  p95 ${f1(pct(latencies, 95)).padStart(5)} ms  p99 ${f1(pct(latencies, 99)).padStart(5)} ms  (${total} requests, ${f1(achieved)}/s)`);
  return latencies;
}
