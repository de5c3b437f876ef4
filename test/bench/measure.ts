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
