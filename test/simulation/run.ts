/**
 * One run of the agent-based simulation (research/ranking.md §C.2): a policy, a seed, 52 weekly
 * rounds. The order of events within a round follows ranking_sim.py: newcomers arrive, the
 * feedback job runs on last round's evidence, consumers search, choose, rate and read, checks run,
 * owners retire products, and the round's metrics are taken.
 */
import { DAY_MS, DEFAULT_RANKING_PARAMS, type RankingParams } from '@quanta/ranking';
import { gini, mean, median, type RunResult, summarise, type Summary, tail } from './metrics.js';
import { createPolicy, type PolicyName } from './policies.js';
import { Rng } from './rng.js';
import { addConsumer, addProduct, createWorld, DEFAULT_SIM_PARAMS, GUARANTEE, liveMembers, type Product, roundStart, type SimParams, utility, type World } from './world.js';

/** What a run may change from the defaults. */
export interface RunOptions {
  readonly rounds?: number;
  readonly sim?: Partial<SimParams>;
  /** The ranking parameters of the proposed policies (the shipped defaults unless overridden). */
  readonly ranking?: RankingParams;
}

/** The default horizon: a year of weeks. */
export const ROUNDS = 52;

/** Runs one policy on the world of one seed. Every policy sees the same initial world for a seed. */
export function simulate(policyName: PolicyName, seed: number, options: RunOptions = {}): RunResult {
  const params: SimParams = { ...DEFAULT_SIM_PARAMS, ...options.sim };
  const ranking = options.ranking ?? DEFAULT_RANKING_PARAMS;
  const rounds = options.rounds ?? ROUNDS;
  const rng = new Rng(seed);
  const w = createWorld(params, rng);
  const policy = createPolicy(policyName, w, ranking);
  const injectTopics = rng.sample(params.nTopics, params.nInject);
  const product = (i: number) => w.products[i] as Product;

  const series = { bestShare: [] as number[], gini: [] as number[], giniTop: [] as number[], giniDemand: [] as number[], broadShare: [] as number[] };
  const nonBest: number[] = [];
  const intrusion: number[] = [];
  const welfare: number[] = [];
  const spamTop1: number[] = [];
  const worseNewcomer = { shown: 0, searches: 0 };
  const streak = new Map<number, number>();
  const timeToTop = new Map<number, number>();
  const timeToMajority = new Map<number, number>();

  for (let t = 0; t < rounds; t++) {
    // --- newcomers: the clearly better ones once, a random-quality stream every other week ---
    if (t === params.injectRound) {
      for (const topic of injectTopics) {
        const bestQ = Math.max(...liveMembers(w, topic).map((i) => product(i).q), -Infinity);
        const p = addProduct(w, topic, Math.min(0.99, (Number.isFinite(bestQ) ? bestQ : 0.6) + 0.1), rng.uniform(0.75, 1), t, { fbase: 0.003, spam: false });
        w.injected.set(p.index, t);
      }
    }
    if (t > 0 && rng.next() < params.pNewProduct) {
      const topic = rng.int(params.nTopics);
      const q = rng.uniform(0.3, 0.9);
      w.streamed.add(addProduct(w, topic, q, rng.uniform(0.75, 1), t).index);
    }
    const growth = Math.floor(w.consumers.length * params.consumerGrowth);
    for (let k = 0; k < growth; k++) addConsumer(w, false);

    // --- the weekly feedback job, on evidence up to the end of last round ---
    const week = policy.week(t);
    const members = Array.from({ length: params.nTopics }, (_, topic) => liveMembers(w, topic));
    const bestUtility = members.map((m, topic) => Math.max(...m.map((i) => utility(product(i), topic))));

    // --- time-to-top: #1 on earned signals for topStreak weeks running ---
    for (const [i, t0] of w.injected) {
      if (timeToTop.has(i) || !product(i).alive) continue;
      const s = week.earnedTop(product(i).topic) === i ? (streak.get(i) ?? 0) + 1 : 0;
      streak.set(i, s);
      if (s >= params.topStreak) timeToTop.set(i, t - (params.topStreak - 1) - t0);
    }

    // --- consumers act ---
    let intruded = 0;
    let searches = 0;
    let spamTop = 0;
    const roundReads = new Float64Array(w.products.length);
    const breach = (i: number) => product(i).lastRoundFails > 0;
    const freshStreamed = (i: number) => w.streamed.has(i) && t - product(i).createdRound < 8;
    w.consumers.forEach((c, ci) => {
      const cur = c.current;
      const curLive = cur !== -1 && product(cur).alive;
      if (!curLive || rng.next() < params.pResearch || (breach(cur) && rng.next() < params.pResearchBreach)) {
        const order = week.search(c.topic);
        if (order.length === 0) return;
        const strong: number[] = [];
        let firstWeak = Infinity;
        order.forEach((i, k) => {
          if (product(i).broad) firstWeak = Math.min(firstWeak, k);
          else strong.push(k);
        });
        searches++;
        if (strong.length > 0 && firstWeak < Math.max(...strong.slice(0, 3))) intruded++;
        const top = product(order[0] as number);
        if (top.spam && !top.broad && utility(top, c.topic) < (bestUtility[c.topic] as number)) spamTop++;
        for (const i of order.slice(0, 3)) if (freshStreamed(i) && utility(product(i), c.topic) < (bestUtility[c.topic] as number)) worseNewcomer.shown++;
        if ((members[c.topic] as number[]).some(freshStreamed)) worseNewcomer.searches++;

        // Position k is examined with probability 1/k, and counted as 1/k examinations.
        const examined: number[] = [];
        order.forEach((i, k) => {
          product(i).examinations += 1 / (k + 1);
          if (rng.next() < 1 / (k + 1)) examined.push(i);
        });
        let bestI = -1;
        let bestU = -9;
        for (const i of examined) {
          const u = utility(product(i), c.topic) + rng.normal(0, params.utilNoise);
          if (u > bestU) [bestI, bestU] = [i, u];
          if (params.choice === 'satisfice' && u >= c.aspiration) {
            [bestI, bestU] = [i, u];
            break;
          }
        }
        const curU = curLive ? utility(product(cur), c.topic) + rng.normal(0, params.utilNoise) : -9;
        if (bestI !== -1 && bestU > curU + params.switchCost) {
          c.current = bestI;
          if (rng.next() < params.pRate) {
            const stars = Math.min(5, Math.max(1, Math.round(1 + 4 * utility(product(bestI), c.topic) + rng.normal(0, 0.6))));
            // The rater adopts and reads the product this round: a verified consumer, its own team.
            product(bestI).ratings.set(c.id, { consumer: c.id, team: c.id, stars, at: roundStart(t), verified: true });
          }
        }
      }
      const used = c.current;
      if (used !== -1 && product(used).alive) {
        product(used).lastRead.set(ci, t);
        roundReads[used] = (roundReads[used] as number) + c.intensity;
      }
    });
    for (const p of w.products) p.weeklyReads = [...p.weeklyReads, roundReads[p.index] as number].slice(-6);

    // --- daily checks of the one guarantee; an incident week fails half of them ---
    const keepFrom = roundStart(t + 1) - ranking.slo.windowDays * DAY_MS;
    for (const p of w.products) {
      if (!p.alive) continue;
      if (p.incident > 0) p.incident--;
      else if (rng.next() < 0.02) p.incident = 1;
      const f = p.incident > 0 ? 0.5 : p.fbase;
      let fails = 0;
      for (let d = 0; d < params.checksPerRound; d++) {
        const passed = rng.next() >= f;
        if (!passed) fails++;
        p.checks.push({ guarantee: GUARANTEE, at: roundStart(t) + d * DAY_MS, passed });
      }
      p.lastRoundFails = fails;
      // Only what the SLO factor still reads next week is kept.
      if ((p.checks[0]?.at ?? Infinity) < keepFrom) p.checks = p.checks.filter((x) => x.at >= keepFrom);
    }

    // --- owners retire products: organically when unused, or nudged by the balancing loop ---
    const users = new Float64Array(w.products.length);
    for (const { current } of w.consumers) if (current !== -1 && product(current).alive) users[current] = (users[current] as number) + 1;
    for (const p of w.products) {
      if (!p.alive || p.broad) continue;
      p.zeroRounds = users[p.index] === 0 ? p.zeroRounds + 1 : 0;
      let retire = p.zeroRounds >= params.organicRetireAfter && rng.next() < params.pOrganicRetire;
      if (policy.nudges && p.gcWeeks >= params.gcNudgeWeeks && rng.next() < params.pNudgedRetire) retire = true;
      if (retire && !w.injected.has(p.index)) p.alive = false;
    }

    // --- metrics of the round ---
    measure(w, t, users, { series, nonBest, welfare, timeToMajority });
    intrusion.push(searches ? intruded / searches : 0);
    spamTop1.push(searches ? spamTop / searches : 0);
  }

  const horizon = rounds - params.injectRound;
  const injected = [...w.injected.keys()];
  return {
    bestShare: tail(series.bestShare),
    bestShareWeek12: series.bestShare[Math.min(11, rounds - 1)] ?? 0,
    gini: tail(series.gini),
    giniAmplification: tail(series.giniTop) / Math.max(1e-9, tail(series.giniDemand)),
    broadShare: tail(series.broadShare),
    nonBestStart: nonBest[0] ?? 0,
    nonBestFinal: nonBest.at(-1) ?? 0,
    intrusion: mean(intrusion),
    regret: -tail(welfare),
    spamTop1: mean(spamTop1),
    worseNewcomerTop3: worseNewcomer.shown / Math.max(1, worseNewcomer.searches),
    timeToTop: median(injected.map((i) => timeToTop.get(i) ?? horizon)),
    reachedTop: mean(injected.map((i) => (timeToTop.has(i) ? 1 : 0))),
    timeToMajority: median(injected.map((i) => timeToMajority.get(i) ?? horizon)),
    reachedMajority: mean(injected.map((i) => (timeToMajority.has(i) ? 1 : 0))),
  };
}

/** The end-of-round measurements that need the whole population. */
function measure(
  w: World,
  t: number,
  users: Float64Array,
  out: {
    series: { bestShare: number[]; gini: number[]; giniTop: number[]; giniDemand: number[]; broadShare: number[] };
    nonBest: number[];
    welfare: number[];
    timeToMajority: Map<number, number>;
  },
): void {
  const product = (i: number) => w.products[i] as Product;
  const byTopic: number[][] = Array.from({ length: w.params.nTopics }, () => []);
  w.consumers.forEach((c, ci) => byTopic[c.topic]?.push(ci));
  let onBest = 0;
  let counted = 0;
  let nonBest = 0;
  const welfare: number[] = [];
  const demand: number[] = [];
  const topUsed: number[] = [];
  for (let topic = 0; topic < w.params.nTopics; topic++) {
    const members = liveMembers(w, topic);
    demand.push(members.reduce((s, i) => s + (users[i] as number), 0));
    topUsed.push(Math.max(0, ...members.map((i) => users[i] as number)));
    if (members.length === 0) continue;
    const best = members.reduce((b, i) => (utility(product(i), topic) > utility(product(b), topic) ? i : b));
    nonBest += members.length - 1;
    const attached = (byTopic[topic] as number[]).map((ci) => (w.consumers[ci] as { current: number }).current).filter((cur) => cur !== -1 && product(cur).alive);
    if (members.length >= 2 && attached.length > 0) {
      onBest += attached.filter((cur) => cur === best).length;
      counted += attached.length;
    }
    for (const cur of attached) welfare.push(utility(product(cur), topic) - utility(product(best), topic));
  }
  for (const [i, t0] of w.injected) {
    if (out.timeToMajority.has(i)) continue;
    const attached = (byTopic[product(i).topic] as number[]).map((ci) => (w.consumers[ci] as { current: number }).current).filter((cur) => cur !== -1);
    if (attached.length > 0 && attached.filter((cur) => cur === i).length > 0.5 * attached.length) out.timeToMajority.set(i, t - t0);
  }
  const live = w.products.filter((p) => p.alive);
  const total = users.reduce((s, x) => s + x, 0);
  out.series.bestShare.push(counted ? onBest / counted : 0);
  out.series.gini.push(gini(live.map((p) => users[p.index] as number)));
  out.series.giniDemand.push(gini(demand));
  out.series.giniTop.push(gini(topUsed));
  out.series.broadShare.push(w.broad.reduce((s, i) => s + (users[i] as number), 0) / Math.max(1, total));
  out.nonBest.push(nonBest);
  out.welfare.push(mean(welfare));
}

/** Every seed of one policy: seeds 0 … n−1, as ranking_sim.py numbers them. */
export const runSeeds = (policy: PolicyName, seeds: number, options: RunOptions = {}): RunResult[] => Array.from({ length: seeds }, (_, seed) => simulate(policy, seed, options));

/** Each policy's summary over `seeds` seeds, yielded as each policy finishes. */
export function* runPolicies(policies: readonly PolicyName[], seeds: number, options: RunOptions = {}): Generator<[PolicyName, Summary]> {
  for (const policy of policies) yield [policy, summarise(runSeeds(policy, seeds, options))];
}
