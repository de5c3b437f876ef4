/**
 * The simulated mesh of research/ranking.md §C.2, ported from research/ranking_sim.py: needs
 * (topics) with duplicate groups of products, consumers attached to products, and the evidence the
 * feedback job reads (reads, ratings, SLO checks, impressions). One round is one week. Everything
 * is a toy: its numbers compare policies with each other, they do not predict a real catalog.
 *
 * The ranking model's own parameters are not here: the proposed policy takes them from
 * `@quanta/ranking` (DEFAULT_RANKING_PARAMS), so the simulation checks what we ship.
 */
import { DAY_MS, type RatingVote, type SloCheck } from '@quanta/ranking';
import type { Rng } from './rng.js';

/** One round of the simulation. */
export const WEEK_MS = 7 * DAY_MS;

/** Round 0 as an epoch instant, so every time handed to the ranking code is ordinary epoch ms. */
export const EPOCH = Date.UTC(2026, 0, 5);

/** The instant a round starts: when the weekly feedback job runs and consumers act. */
export const roundStart = (round: number): number => EPOCH + round * WEEK_MS;

/** How consumers pick among the results they examine. */
export type Choice = 'satisfice' | 'best';

/**
 * The world and the behaviour of its agents (ranking_sim.py class P, world part), plus the
 * insights job's rules that §B.4 specifies but services/ranking leaves to its callers (canonical
 * choice, retirement flag).
 */
export interface SimParams {
  readonly nTopics: number;
  readonly nConsumers: number;
  /** New consumers per round, as a share of the current ones. */
  readonly consumerGrowth: number;
  /** "God" products that weakly match every query. */
  readonly nBroad: number;
  /** Chance an attached consumer searches again in a round. */
  readonly pResearch: number;
  /** Extra chance after its product failed a check last round. */
  readonly pResearchBreach: number;
  /** A consumer switches only for a utility gain above this. */
  readonly switchCost: number;
  readonly utilNoise: number;
  /** `satisfice`: the first examined result that is good enough; `best`: the best examined. */
  readonly choice: Choice;
  /** Consumers that read 100× more (scheduled jobs): they inflate raw read counts. */
  readonly botShare: number;
  /** Chance a new adopter rates what it adopted. */
  readonly pRate: number;
  /** Products whose owner adds `spamVotes` fake 5★ votes. */
  readonly spamShare: number;
  readonly spamVotes: number;
  /**
   * Whether the spam owner's fake accounts count as verified. ranking_sim.py: no (they never used
   * the product). Set it to see the team cap (one team's votes weigh at most 3) do the work.
   */
  readonly spamVerified: boolean;
  /** The round in which `nInject` groups get a clearly better newcomer (best quality + 0.1). */
  readonly injectRound: number;
  readonly nInject: number;
  /** Chance per round of a random-quality newcomer (most are not the best of their group). */
  readonly pNewProduct: number;
  /** Owners may retire a product after this many rounds without users… */
  readonly organicRetireAfter: number;
  /** …with this chance per round. */
  readonly pOrganicRetire: number;
  /** Under the proposed policies: chance per round that a nudged owner retires a flagged product. */
  readonly pNudgedRetire: number;
  /** Consecutive weeks the retirement condition must hold before owners are nudged (§B.4.3). */
  readonly gcNudgeWeeks: number;
  /**
   * Consecutive weeks before `flaggedForRetirement` (the ×0.6 lifecycle factor) is set. §B.4.3
   * says 4; ranking_sim.py applies ×0.6 from the first week and waits 4 weeks only for the nudge.
   */
  readonly gcFlagWeeks: number;
  /** §B.4.3: minimum age, and "less than one effective active consumer". */
  readonly gcMinAgeDays: number;
  readonly gcMaxConsumers: number;
  /** §B.4.3 "confidently poor": the rating's upper bound is below this. */
  readonly gcPoorRating: number;
  /** The upper bound used for it, as ranking_sim.py: R̄ + z·sd/√(m + Σw). */
  readonly ratingZ: number;
  readonly ratingSd: number;
  /** §B.4.2: a challenger replaces the canonical only when its Q is this much higher. */
  readonly canonicalHysteresis: number;
  /** The one declared guarantee of every product, checked daily. */
  readonly sloTarget: number;
  readonly checksPerRound: number;
  /** Results shown per search. */
  readonly pageSize: number;
  /** Time-to-top: consecutive rounds at #1 that count as holding the top. */
  readonly topStreak: number;
}

/** ranking_sim.py's defaults (satisficing consumers) and §B.4's retirement rule. */
export const DEFAULT_SIM_PARAMS: SimParams = Object.freeze({
  nTopics: 40,
  nConsumers: 800,
  consumerGrowth: 0.01,
  nBroad: 3,
  pResearch: 0.06,
  pResearchBreach: 0.3,
  switchCost: 0.03,
  utilNoise: 0.08,
  choice: 'satisfice',
  botShare: 0.03,
  pRate: 0.3,
  spamShare: 0.05,
  spamVotes: 15,
  spamVerified: false,
  injectRound: 12,
  nInject: 10,
  pNewProduct: 0.5,
  organicRetireAfter: 13,
  pOrganicRetire: 0.05,
  pNudgedRetire: 0.15,
  gcNudgeWeeks: 4,
  gcFlagWeeks: 4,
  gcMinAgeDays: 90,
  gcMaxConsumers: 1,
  gcPoorRating: 3,
  ratingZ: 1.64,
  ratingSd: 1.2,
  canonicalHysteresis: 1.1,
  sloTarget: 0.95,
  checksPerRound: 7,
  pageSize: 10,
  topStreak: 4,
});

/** The name of the one guarantee every simulated product declares. */
export const GUARANTEE = 'table/freshness';

/** A simulated data product with its latent truth and the evidence gathered about it. */
export interface Product {
  readonly index: number;
  readonly id: string;
  readonly ownerTeam: string;
  /** The need it serves; -1 for a broad "god" product. */
  readonly topic: number;
  readonly broad: boolean;
  /** Latent quality in [0, 1], which consumers feel and the ranking never sees. */
  readonly q: number;
  /** Chance a daily check fails outside incidents. */
  readonly fbase: number;
  /** Text relevance for queries of its need (broad products: of every need). */
  readonly rel: number;
  readonly spam: boolean;
  readonly createdRound: number;
  alive: boolean;
  /** consumer index → last round it read the product. */
  readonly lastRead: Map<number, number>;
  /** Read volume of the last rounds, newest last (the raw-popularity baselines read these). */
  weeklyReads: number[];
  /** rater → its current vote (a new vote replaces the old one, as in the catalog). */
  readonly ratings: Map<string, RatingVote>;
  /** Daily checks within the SLO window, oldest first. */
  checks: SloCheck[];
  /** Failed checks last round: consumers of a failing product search again more often. */
  lastRoundFails: number;
  /** Expected examinations: Σ 1/position over every impression. */
  examinations: number;
  /** Rounds left in an incident (failure chance 0.5). */
  incident: number;
  /** Consecutive rounds without users (organic retirement). */
  zeroRounds: number;
  /** Consecutive weekly evaluations meeting the retirement condition (§B.4.3). */
  gcWeeks: number;
}

/** A consuming team with one need, attached to at most one product. */
export interface Consumer {
  readonly id: string;
  readonly topic: number;
  /** The product it uses, or -1. */
  current: number;
  /** Reads per round (bots read 100× more). */
  readonly intensity: number;
  /** Satisficing: the utility that is good enough. */
  readonly aspiration: number;
}

/** The whole simulated mesh. */
export interface World {
  readonly params: SimParams;
  readonly rng: Rng;
  readonly products: Product[];
  readonly consumers: Consumer[];
  /** Demand share per need (Zipf-like, exponent 0.8). */
  readonly topicWeights: readonly number[];
  /** Every product ever registered for each need, by index. */
  readonly byTopic: number[][];
  readonly broad: number[];
  /** Clearly better newcomers → the round they arrived. */
  readonly injected: Map<number, number>;
  /** Random-quality newcomers. */
  readonly streamed: Set<number>;
}

/** How well a product meets need `topic`: quality minus unreliability; a god product fits any need loosely. */
export function utility(p: Product, topic: number): number {
  if (p.broad && topic !== -1) return p.q * 0.6;
  return p.q - 3 * p.fbase;
}

/** Live products of a need, by index. */
export const liveMembers = (w: World, topic: number): number[] => (w.byTopic[topic] ?? []).filter((i) => (w.products[i] as Product).alive);

/** Registers a product: its reliability class and spam owner are drawn as ranking_sim.py does. */
export function addProduct(w: World, topic: number, q: number, rel: number, born: number, over: { broad?: boolean; fbase?: number; spam?: boolean } = {}): Product {
  const u = w.rng.next();
  const fbase = u < 0.8 ? 0.003 : u < 0.95 ? 0.03 : 0.15;
  const spam = w.rng.next() < w.params.spamShare;
  const index = w.products.length;
  const p: Product = {
    index,
    id: `urn:sim:product:${index}`,
    ownerTeam: `urn:sim:team:owner-${index}`,
    topic,
    broad: over.broad ?? false,
    q,
    fbase: over.fbase ?? fbase,
    rel,
    spam: over.spam ?? spam,
    createdRound: born,
    alive: true,
    lastRead: new Map(),
    weeklyReads: [],
    ratings: new Map(),
    checks: [],
    lastRoundFails: 0,
    examinations: 0,
    incident: 0,
    zeroRounds: 0,
    gcWeeks: 0,
  };
  w.products.push(p);
  if (p.broad) w.broad.push(index);
  else (w.byTopic[topic] as number[]).push(index);
  if (p.spam) {
    // The owner's fake accounts all sit in one team, so the team cap would bound them even if
    // they passed verification.
    const team = `urn:sim:team:spam-${index}`;
    for (let k = 0; k < w.params.spamVotes; k++) {
      const consumer = `urn:sim:fake:${index}-${k}`;
      p.ratings.set(consumer, { consumer, team, stars: 5, at: roundStart(born), verified: w.params.spamVerified });
    }
  }
  return p;
}

/** Adds a consumer with a need drawn by demand; at the start it is attached at random (word of mouth). */
export function addConsumer(w: World, attached: boolean): Consumer {
  const topic = w.rng.weighted(w.topicWeights);
  const members = attached ? liveMembers(w, topic) : [];
  const current = members.length > 0 ? w.rng.pick(members) : -1;
  const bot = w.rng.next() < w.params.botShare;
  const c: Consumer = {
    id: `urn:sim:team:consumer-${w.consumers.length}`,
    topic,
    current,
    intensity: w.rng.lognormal(2.5, 0.8) * (bot ? 100 : 1),
    aspiration: w.rng.uniform(0.35, 0.6),
  };
  w.consumers.push(c);
  return c;
}

/** The world at round 0: duplicate groups of 1–5 products per need, god products, attached consumers. */
export function createWorld(params: SimParams, rng: Rng): World {
  const raw = Array.from({ length: params.nTopics }, (_, t) => 1 / Math.pow(t + 1, 0.8));
  const total = raw.reduce((s, x) => s + x, 0);
  const w: World = {
    params,
    rng,
    products: [],
    consumers: [],
    topicWeights: raw.map((x) => x / total),
    byTopic: Array.from({ length: params.nTopics }, () => []),
    broad: [],
    injected: new Map(),
    streamed: new Set(),
  };
  const sizes = Array.from({ length: params.nTopics }, () => 1 + rng.weighted([0.2, 0.3, 0.25, 0.15, 0.1]));
  for (let t = 0; t < params.nTopics; t++) {
    for (let k = 0; k < (sizes[t] as number); k++) {
      const q = rng.uniform(0.3, 0.9);
      addProduct(w, t, q, rng.uniform(0.75, 1), 0);
    }
  }
  for (let k = 0; k < params.nBroad; k++) addProduct(w, -1, 0.8, rng.uniform(0.35, 0.55), 0, { broad: true });
  for (let c = 0; c < params.nConsumers; c++) addConsumer(w, true);
  return w;
}
