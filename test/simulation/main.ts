/**
 * Prints the §C.2 results table: `npm run sim` (from the repo root), or with options:
 *
 *   npm run sim -- --seeds 20 --rounds 52 --policies text,rawpop,proposed
 *   npm run sim -- --set choice=best            # a SimParams field
 *   npm run sim -- --rank slo.priorChecks=0     # a RankingParams field (dotted path)
 */
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '@quanta/ranking';
import { type Summary } from './metrics.js';
import { POLICIES, type PolicyName } from './policies.js';
import { ROUNDS, runPolicies } from './run.js';
import { formatTable } from './table.js';
import { DEFAULT_SIM_PARAMS, type SimParams } from './world.js';

/** The value of `raw` in the type of `like`. */
function parseLike(like: unknown, raw: string, key: string): unknown {
  if (typeof like === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`${key}: not a number: ${raw}`);
    return n;
  }
  if (typeof like === 'boolean') return raw === 'true';
  if (typeof like === 'string') return raw;
  throw new Error(`unknown parameter ${key}`);
}

/** A copy of `obj` with the dotted `path` set, checked against the existing field. */
function setPath<T>(obj: T, path: string, raw: string): T {
  const [head, ...rest] = path.split('.');
  const record = obj as Record<string, unknown>;
  if (head === undefined || !(head in record)) throw new Error(`unknown parameter ${path}`);
  const value = rest.length > 0 ? setPath(record[head], rest.join('.'), raw) : parseLike(record[head], raw, path);
  return { ...record, [head]: value } as T;
}

function main(argv: readonly string[]): void {
  let seeds = 20;
  let rounds = ROUNDS;
  let policies: PolicyName[] = [...POLICIES];
  let sim: SimParams = DEFAULT_SIM_PARAMS;
  let ranking: RankingParams = DEFAULT_RANKING_PARAMS;
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    i++;
    if (flag === '--seeds') seeds = Number(value);
    else if (flag === '--rounds') rounds = Number(value);
    else if (flag === '--policies') policies = value.split(',').map((p) => p.trim()) as PolicyName[];
    else if (flag === '--set' || flag === '--rank') {
      const eq = value.indexOf('=');
      if (eq < 0) throw new Error(`${flag} wants key=value, got ${value}`);
      if (flag === '--set') sim = setPath(sim, value.slice(0, eq), value.slice(eq + 1));
      else ranking = setPath(ranking, value.slice(0, eq), value.slice(eq + 1));
    } else throw new Error(`unknown option ${flag} (see the header of test/simulation/main.ts)`);
  }
  for (const p of policies) if (!(POLICIES as readonly string[]).includes(p)) throw new Error(`unknown policy ${p}; one of ${POLICIES.join(', ')}`);
  const started = performance.now();
  const rows = new Map<string, Summary>();
  for (const [name, summary] of runPolicies(policies, seeds, { rounds, sim, ranking })) {
    rows.set(name, summary);
    process.stderr.write(`  ${name} done (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  console.log(formatTable(rows, `ranking simulation (research/ranking.md §C.2): ${seeds} seeds × ${rounds} weeks, ${sim.choice} consumers; mean±sd over seeds`));
}

main(process.argv.slice(2));
