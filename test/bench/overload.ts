/**
 * Benchmark (not a test): a real server at 5× its measured registration capacity for 60 s on
 * loopback (issue 12; research/perf-reliability.md §3.4 F7 and the load-test item of the issue),
 * with its default limits. Prints capacity, what was offered, every status, the accepted
 * requests' latency, the server's memory, and checks that every acknowledged registration was
 * stored and no refused one was. Exits 1 when a check fails.
 *
 *   npm run bench:overload -w @quanta/test -- [seconds=60] [factor=5]
 *
 * `QUANTA_*` variables set for the benchmark are passed to the server, e.g. QUANTA_MAX_IN_FLIGHT=64.
 */
import { call, compliantDescriptor, overload, startQuanta, storedIris } from '../src/index.js';
import { f1, pct } from './measure.js';

const seconds = Number(process.argv[2] ?? 60);
const factor = Number(process.argv[3] ?? 5);
const serverEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('QUANTA_') && e[1] !== undefined));
const TEAMS = Array.from({ length: 16 }, (_, i) => `load-${i}`);

const q = await startQuanta({ env: serverEnv });
try {
  const tokens: string[] = [];
  for (const team of TEAMS) tokens.push((await call(q.url, 'POST', '/api/v1/admin/tokens', { name: `${team} load`, role: 'owner', team })).body.secret as string);
  process.stderr.write(`measuring capacity (10 s, 16 clients), then ${factor}× for ${seconds} s …\n`);
  const r = await overload(q, {
    body: (i, team) => compliantDescriptor('https://load.example/products', `p-${i}`, { owner: { team } }) as { id: string },
    teams: TEAMS,
    tokens,
    factor,
    seconds,
    measureSeconds: 10,
  });
  const stored = await storedIris(q);
  const lost = r.acknowledged.filter((iri) => !stored.has(iri)).length;
  const leaked = r.refused.filter((iri) => stored.has(iri)).length;
  const unexpected = Object.keys(r.statuses).map(Number).filter((s) => ![201, 429, 503].includes(s));
  const l = r.acceptedLatencies;
  console.log(`capacity (closed loop, 16 clients)   ${f1(r.capacity)} registrations/s`);
  console.log(`offered (open loop)                  ${r.offered}/s for ${seconds} s = ${r.sent} requests`);
  console.log(`answers                              ${Object.entries(r.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  console.log(`accepted                             ${f1((r.statuses[201] ?? 0) / seconds)}/s, p50 ${f1(pct(l, 50))} ms, p95 ${f1(pct(l, 95))} ms, p99 ${f1(pct(l, 99))} ms`);
  console.log(`server RSS                           ${f1(r.rssMiB.before)} MiB before, peak ${f1(r.rssMiB.peak)} MiB`);
  console.log(`acknowledged but not stored          ${lost}`);
  console.log(`refused but stored                   ${leaked}`);
  console.log(`refusals without Retry-After         ${r.withoutRetryAfter}`);
  if (lost || leaked || unexpected.length || r.withoutRetryAfter) {
    console.error(`FAILED: ${JSON.stringify({ lost, leaked, unexpected, withoutRetryAfter: r.withoutRetryAfter })}`);
    process.exitCode = 1;
  }
} finally {
  await q.stop();
  q.cleanup();
}
