import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { DescriptorFile } from './descriptor-files.js';
import { DEMO_SIGNALS } from './paths.js';

const Team = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a team slug');
const Days = z.number().int().min(1).max(56);

/** signals.yaml, validated: a typo in it fails the demo's own test, not a user's first start. */
const SignalFileSchema = z.strictObject({
  products: z.record(
    z.string(),
    z.strictObject({
      consumers: z.array(Team).default([]),
      formerConsumers: z.array(Team).default([]),
      ratings: z.record(Team, z.tuple([z.number().int().min(1).max(5), z.string().min(1)])).default({}),
      failing: z.record(z.string(), Days).default({}),
      failedDaysAgo: z.record(z.string(), z.array(Days)).default({}),
    }),
  ),
});
type SignalFile = z.output<typeof SignalFileSchema>;

/** The parts of a demo descriptor its signals are drawn from. */
interface DemoProduct {
  readonly id: string;
  readonly name: string;
  readonly status?: string;
  readonly owner: { readonly team: string };
  readonly outputPorts?: readonly { readonly name: string; readonly slos?: readonly { readonly metric: string }[] }[];
}

/** A usage report as `POST /api/v1/usage` takes it. */
export interface DemoUsage {
  readonly product: string;
  readonly consumer: string;
  readonly at: string;
  readonly count: number;
}

/** A rating as `PUT …/ratings/{consumer}` takes it. */
export interface DemoRating {
  readonly product: string;
  readonly consumer: string;
  readonly stars: number;
  readonly comment: string;
}

/** SLO checks of one product, as `POST …/slo-checks` takes them. */
export interface DemoChecks {
  readonly product: string;
  readonly checks: readonly { readonly port: string; readonly metric: string; readonly passed: boolean; readonly at: string }[];
}

/** The demo mesh's signal history, ready to send. */
export interface DemoSignals {
  readonly usage: readonly DemoUsage[];
  readonly ratings: readonly DemoRating[];
  readonly checks: readonly DemoChecks[];
}

const DAY = 86_400_000;
/** Weekly reports for eight weeks: current consumers up to yesterday, former ones until 75 days ago. */
const WEEKS = 8;
const FORMER_LAST_DAY = 75;
const CHECK_DAYS = 28;

/** A stable number in [0, 1) for a name, so the history is the same on every load. */
const unit = (name: string) => parseInt(createHash('sha1').update(name).digest('hex').slice(0, 8), 16) / 2 ** 32;

/** Reads and validates `ingest/demo/signals.yaml`. */
export async function readDemoSignalFile(path = DEMO_SIGNALS): Promise<SignalFile> {
  const parsed = SignalFileSchema.safeParse(parseYaml(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Expands the signal file into the reports, ratings and checks to send, relative to `today`: usage
 * once a week per consuming team, a rating per listed vote, and a daily check of every declared
 * guarantee of every live product over the last four weeks, failing where the file says.
 * @throws Error naming a product, rater or guarantee the file gets wrong
 */
export function demoSignals(file: SignalFile, descriptors: readonly DescriptorFile[], today = new Date()): DemoSignals {
  const products = new Map(descriptors.map((f) => parseYaml(f.text) as DemoProduct).map((p) => [p.name, p]));
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const at = (daysAgo: number, hour: number, salt: string) => new Date(midnight - daysAgo * DAY + hour * 3_600_000 + Math.floor(unit(salt) * 3_600_000)).toISOString();
  const usage: DemoUsage[] = [];
  const ratings: DemoRating[] = [];
  const checks: DemoChecks[] = [];

  for (const [name, s] of Object.entries(file.products)) {
    const p = products.get(name);
    if (!p) throw new Error(`signals.yaml names ${name}, which is not a demo product`);
    const report = (team: string, lastDay: number) => {
      if (team === p.owner.team) throw new Error(`signals.yaml: ${name} lists its own team ${team} as a consumer`);
      for (let w = 0; w < WEEKS; w++) {
        const key = `${name}|${team}|${w}`;
        usage.push({ product: p.id, consumer: team, at: at(lastDay + 7 * w, 9, key), count: 5 + Math.floor(unit(key) * 400) });
      }
    };
    for (const team of s.consumers) report(team, 1);
    for (const team of s.formerConsumers) report(team, FORMER_LAST_DAY);
    for (const [team, [stars, comment]] of Object.entries(s.ratings)) {
      if (!s.consumers.includes(team)) throw new Error(`signals.yaml: ${team} rates ${name} but does not use it`);
      ratings.push({ product: p.id, consumer: team, stars, comment });
    }
    checks.push({ product: p.id, checks: dailyChecks(p, s, at) });
  }
  return { usage, ratings, checks: checks.filter((c) => c.checks.length > 0) };
}

/** Every declared guarantee of a live product, checked each day at 06:00, failing where listed. */
function dailyChecks(p: DemoProduct, s: SignalFile['products'][string], at: (daysAgo: number, hour: number, salt: string) => string): DemoChecks['checks'] {
  if (p.status === 'deprecated' || p.status === 'retired') return [];
  const guarantees = (p.outputPorts ?? []).flatMap((port) => (port.slos ?? []).map((slo) => ({ port: port.name, metric: slo.metric })));
  for (const metric of [...Object.keys(s.failing), ...Object.keys(s.failedDaysAgo)]) {
    if (!guarantees.some((g) => g.metric === metric)) throw new Error(`signals.yaml: ${p.name} declares no ${metric} guarantee`);
  }
  return guarantees.flatMap((g) =>
    Array.from({ length: CHECK_DAYS }, (_, i) => {
      const day = i + 1;
      const passed = day > (s.failing[g.metric] ?? 0) && !(s.failedDaysAgo[g.metric] ?? []).includes(day);
      return { port: g.port, metric: g.metric, passed, at: at(day, 6, '') };
    }),
  );
}
