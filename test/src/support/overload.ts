import { readFileSync } from 'node:fs';
import { call } from './http.js';
import type { QuantaProcess } from './quanta-process.js';

/** A product descriptor to register, `i`-th of a run, owned by `team`. */
export type ProductBody = (i: number, team: string) => Record<string, unknown> & { id: string };

/** What an overload run saw. */
export interface OverloadReport {
  /** Registrations per second the server sustained in a closed loop before the run. */
  readonly capacity: number;
  /** Requests per second offered during the run: `factor` × capacity. */
  readonly offered: number;
  readonly sent: number;
  /** How many answers had each status. */
  readonly statuses: Readonly<Record<number, number>>;
  /** Registrations the server acknowledged (2xx) during the run. */
  readonly acknowledged: readonly string[];
  /** Registrations it turned away (429 or 503): none of them may be stored. */
  readonly refused: readonly string[];
  /** Latency of the acknowledged ones, ms, sorted. */
  readonly acceptedLatencies: readonly number[];
  /** 429 and 503 answers that came without `Retry-After`. */
  readonly withoutRetryAfter: number;
  /** The server's resident memory before the run and its high-water mark during it, MiB. */
  readonly rssMiB: { readonly before: number; readonly peak: number };
}

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Drives a real server past its capacity on loopback (research/perf-reliability.md §3.4 F7,
 * DESIGN.md §9.5): first measures how many registrations per second it sustains with `workers`
 * clients in a closed loop, then offers `factor` times that in an open loop for `seconds`, spread
 * over one owner token per team so per-identity limits and load shedding both have their say.
 * Bounded in time and count: at most `seconds × offered` requests, at most `maxOutstanding` at once.
 */
export async function overload(
  q: QuantaProcess,
  { body, teams, tokens, factor = 5, seconds, measureSeconds = 5, workers = 16, maxOutstanding = 5_000 }: {
    body: ProductBody;
    teams: readonly string[];
    tokens: readonly string[];
    factor?: number;
    seconds: number;
    measureSeconds?: number;
    workers?: number;
    maxOutstanding?: number;
  },
): Promise<OverloadReport> {
  let next = 0;
  const put = (i: number) => {
    const team = teams[i % teams.length] as string;
    return fetch(`${q.url}/api/v1/products`, {
      method: 'PUT',
      body: JSON.stringify(body(i, team)),
      headers: { Authorization: `Bearer ${tokens[i % tokens.length]}`, 'Content-Type': 'application/json' },
    });
  };

  // Capacity: a closed loop, each worker sending its next registration when the last is answered.
  const measureEnd = performance.now() + measureSeconds * 1000;
  let measured = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < measureEnd) {
        const res = await put(next++);
        await res.arrayBuffer();
        if (res.status === 201) measured++;
      }
    }),
  );
  const capacity = measured / measureSeconds;
  const offered = Math.max(1, Math.round(capacity * factor));

  // The run: an open loop, so answers that slow down cannot slow the load.
  const statuses: Record<number, number> = {};
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const latencies: number[] = [];
  let withoutRetryAfter = 0;
  let outstanding = 0;
  const before = rssMiB(q.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(q.pid))), 250);
  const first = next;
  const total = offered * seconds;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  try {
    for (let k = 0; k < total; k++) {
      const wait = start + (k * 1000) / offered - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (outstanding >= maxOutstanding) {
        statuses[0] = (statuses[0] ?? 0) + 1; // not sent: the client's own bound
        continue;
      }
      const i = first + k;
      outstanding++;
      pending.push(
        (async () => {
          const t0 = performance.now();
          try {
            const res = await put(i);
            await res.arrayBuffer();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (res.status >= 200 && res.status < 300) {
              acknowledged.push(body(i, teams[i % teams.length] as string).id);
              latencies.push(performance.now() - t0);
            }
            if (res.status === 429 || res.status === 503) {
              refused.push(body(i, teams[i % teams.length] as string).id);
              if (!res.headers.get('retry-after')) withoutRetryAfter++;
            }
          } catch {
            statuses[-1] = (statuses[-1] ?? 0) + 1; // no answer at all
          } finally {
            outstanding--;
          }
        })(),
      );
    }
    await Promise.all(pending);
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssMiB(q.pid));
  return { capacity, offered, sent: total, statuses, acknowledged, refused, acceptedLatencies: latencies.sort((a, b) => a - b), withoutRetryAfter, rssMiB: { before, peak } };
}

/** Every product IRI the server holds, read page by page through the API. */
export async function storedIris(q: QuantaProcess): Promise<Set<string>> {
  const iris = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await call<{ items: { iri: string }[]; next?: string }>(q.url, 'GET', `/api/v1/products?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`listing products answered ${page.status}`);
    for (const item of page.body.items) iris.add(item.iri);
    cursor = page.body.next;
  } while (cursor);
  return iris;
}
