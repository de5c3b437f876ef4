/**
 * Benchmark (not a test): registers generated products through HTTP into a real server process,
 * then measures search latency over a query mix (also while a full duplicate-detection run goes
 * on), server RSS (now and its high-water mark) and cold start.
 *
 *   npm run bench -w @quanta/test -- [sizes=10000,100000] [concurrency=4]
 *
 * Budget (issue 2, 2-core machine): search p95 ≤ 10 ms at 100k through HTTP, ≥ 300 single
 * registrations/s, ≤ 1 GiB RSS.
 *
 * The server gets a clean environment; `QUANTA_*` variables set for the benchmark are passed on,
 * so variants can be compared, e.g. `QUANTA_SEMANTIC_THREADS=0 npm run bench -- 20000`.
 */
import { readFileSync } from 'node:fs';
import { authorization, type QuantaProcess, startQuanta } from '../src/index.js';
import { catalogGenerator } from './generate.js';

const serverEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('QUANTA_') && e[1] !== undefined));
const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const concurrency = Number(process.argv[3] ?? 4);

/** The server's resident memory now (`VmRSS`) or its high-water mark so far (`VmHWM`), in MiB. */
const memMiB = (pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const f1 = (x: number) => x.toFixed(1);

async function register(q: QuantaProcess, n: number, gen: ReturnType<typeof catalogGenerator>) {
  const bodies = Array.from({ length: n }, (_, i) => JSON.stringify(gen.product(i)));
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  let lastReport = started;
  const worker = async () => {
    while (next < n) {
      const body = bodies[next++] as string;
      const t = performance.now();
      const res = await fetch(`${q.url}/api/v1/products`, { method: 'PUT', body, headers: { ...authorization(q.url), 'Content-Type': 'application/json' } });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
      latencies.push(performance.now() - t);
      if (performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        process.stderr.write(`  … ${latencies.length}/${n} registered\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: n / seconds, p50: pct(latencies, 50), p95: pct(latencies, 95) };
}

async function searchMix(q: QuantaProcess, gen: ReturnType<typeof catalogGenerator>, count: number, until?: Promise<unknown>) {
  // Warm-up, unless measuring during something that would end first.
  if (!until) for (let i = 0; i < 200; i++) await (await fetch(`${q.url}/api/v1/search?${gen.query()}`, { headers: authorization(q.url) })).arrayBuffer();
  const latencies: number[] = [];
  let done = false;
  void until?.then(() => (done = true));
  for (let i = 0; i < count && !done; i++) {
    const qs = gen.query();
    const t = performance.now();
    const res = await fetch(`${q.url}/api/v1/search?${qs}`, { headers: authorization(q.url) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`search failed: ${res.status} for ${qs}`);
    latencies.push(performance.now() - t);
  }
  return { count: latencies.length, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: Math.max(...latencies) };
}

/**
 * Seconds until duplicate detection has caught up with every registration (a full run after a
 * burst, the first run after a start): the duplicates report answers once it has.
 */
async function detectionCaughtUp(q: QuantaProcess): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${q.url}/api/v1/reports/duplicates?owner=nobody`, { headers: authorization(q.url) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`duplicates report failed: ${res.status}`);
  return (performance.now() - t) / 1000;
}

/** Searches while an operator's full duplicate run goes on: what search costs during the hourly run. */
async function searchDuringFullRun(q: QuantaProcess, gen: ReturnType<typeof catalogGenerator>) {
  const t = performance.now();
  const run = fetch(`${q.url}/api/v1/admin/insights`, { method: 'POST', headers: authorization(q.url) }).then(async (res) => {
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`full duplicate run failed: ${res.status}`);
    return (performance.now() - t) / 1000;
  });
  const search = await searchMix(q, gen, 100_000, run);
  return { ...search, seconds: await run };
}

async function coldStart(q: QuantaProcess) {
  await q.stop();
  const t = performance.now();
  const again = await q.restart();
  const res = await fetch(`${again.url}/api/v1/search?q=listener`, { headers: authorization(again.url) });
  await res.arrayBuffer();
  return { again, millis: performance.now() - t };
}

async function main() {
  console.log(`Quanta benchmark — node ${process.version}, ${concurrency} concurrent registration clients, server and client on one machine`);
  if (Object.keys(serverEnv).length) console.log(`server environment: ${Object.entries(serverEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  for (const n of sizes) {
    const gen = catalogGenerator(n);
    const q = await startQuanta({ env: serverEnv });
    const reg = await register(q, n, gen);
    const rssLoaded = memMiB(q.pid);
    const caughtUp = await detectionCaughtUp(q);
    const search = await searchMix(q, gen, 2000);
    const during = await searchDuringFullRun(q, gen);
    const peak = memMiB(q.pid, 'VmHWM');
    const cold = await coldStart(q);
    const rssCold = memMiB(cold.again.pid);
    const firstRun = await detectionCaughtUp(cold.again);
    const rssSettled = memMiB(cold.again.pid);
    const searchCold = await searchMix(cold.again, gen, 1000);
    const peakCold = memMiB(cold.again.pid, 'VmHWM');
    await cold.again.stop();
    cold.again.cleanup();
    console.log(`\n== ${n.toLocaleString('en')} products ==`);
    console.log(`registration  ${f1(reg.perSecond)} /s (single-product PUTs), latency p50 ${f1(reg.p50)} ms, p95 ${f1(reg.p95)} ms`);
    console.log(`duplicates    caught up ${f1(caughtUp)} s after the last registration; an operator's full run took ${f1(during.seconds)} s`);
    console.log(`search (HTTP) p50 ${f1(search.p50)} ms, p95 ${f1(search.p95)} ms, p99 ${f1(search.p99)} ms, max ${f1(search.max)} ms over 2000 mixed queries`);
    console.log(`  during a full duplicate run p50 ${f1(during.p50)} ms, p95 ${f1(during.p95)} ms, p99 ${f1(during.p99)} ms over ${during.count} queries`);
    console.log(`after restart p50 ${f1(searchCold.p50)} ms, p95 ${f1(searchCold.p95)} ms, p99 ${f1(searchCold.p99)} ms`);
    console.log(`RSS           ${f1(rssLoaded)} MiB after registering, peak ${f1(peak)} MiB; after a cold start ${f1(rssCold)} MiB, ${f1(rssSettled)} MiB once its first duplicate run ended (${f1(firstRun)} s later), peak ${f1(peakCold)} MiB`);
    console.log(`cold start    ${f1(cold.millis / 1000)} s from spawn to first search answered (graph opened, index rebuilt)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
