/** Percentiles of a set of timings, in the same unit as the inputs. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles of `samples`. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0, mean };
}

/** Formats milliseconds for a report line. */
export function formatMs(p: Percentiles): string {
  const f = (x: number): string => x.toFixed(3);
  return `p50 ${f(p.p50)} ms  p95 ${f(p.p95)} ms  p99 ${f(p.p99)} ms  max ${f(p.max)} ms  mean ${f(p.mean)} ms`;
}

/** Memory in MB: JS heap, typed-array buffers (outside the heap) and RSS. */
export interface MemoryMb {
  readonly heap: number;
  readonly buffers: number;
  readonly rss: number;
}

/** Current memory, after a full collection when node runs with --expose-gc. */
export function memoryMb(): MemoryMb {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
  return { heap: mb(usage.heapUsed), buffers: mb(usage.arrayBuffers), rss: mb(usage.rss) };
}
