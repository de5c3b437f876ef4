import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXACT_NOTE } from '@quanta/ranking';
import { Rng } from '../simulation/rng.js';
import { demoCatalog, type DemoCatalog } from './demo-catalog.js';
import { canonicalQueries, grade, judgedProducts, logQueries, namedQueries, protocolQueries, type JudgedQuery, type JudgedSet } from './judgments.js';
import { bootstrapCi, fitnessDecisions, type FitnessDecisions, intrudes, mean, ndcg } from './metrics.js';

// Offline relevance (research/ranking.md §C.1) on the demo mesh: judged queries, each ranked by
// text relevance alone and by Quanta's feedback ranking from one and the same response, scored with
// nDCG@10 on topical and on fitness labels. The sets (README.md of this folder):
// - search-log queries: need-based queries typed by the mesh's consumer teams, graded by two
//   independent judges who never saw a ranking;
// - known-canonical queries: for data the mesh holds in several products, each with the answer the
//   owning domain agrees on, graded the same way;
// - §C.1's whole set: the two together;
// - named queries: written from the products' names and descriptions.
// Each table sets the figures against §C.1's targets (fitness +0.05 with a bootstrap 95% interval
// above 0, topical −0.02 at most, weak-match intrusion in at most 2% of queries, canonical@1 at
// least 80%) with a verdict; ADR 0010 says which are met and why not. What the test asserts holds
// on every run: feedback never costs more topical relevance than §C.1 allows on the search log and
// on the whole set, ranks fitter than text on a mature mesh, and there puts the fitter of two
// equally on-topic hits first in at least 4 of 5 pairs; it never puts the agreed answer first less
// often than text does; a product's exact name or title finds it first; no deprecated product sits
// above its successor unless the query names it.
const FITNESS_GAIN = 0.05;
const TOPICAL_COST = 0.02;
const INTRUSION = 0.02;
const CANONICAL_FIRST = 0.8;
/** Share of the retrieved equally-on-topic, unequally-fit pairs feedback must put the fitter way round. */
const DECIDED = 0.8;
const SETS: readonly (JudgedSet & { topicalHolds: boolean; minimum: number })[] = [
  // Written from the names, the named set asks for deprecated and breaching products by name: a
  // demotion costs it topical points by definition (ADR 0010); so do the known-canonical queries,
  // which ask for data that copies hold too. The log, and §C.1's whole set, are held to −0.02.
  { ...logQueries(), topicalHolds: true, minimum: 40 },
  { ...canonicalQueries(), topicalHolds: false, minimum: 30 },
  { ...protocolQueries(), topicalHolds: true, minimum: 40 },
  { ...namedQueries(), topicalHolds: false, minimum: 40 },
];
/** Every judged query once (the §C.1 set repeats the log's and the known-canonical ones). */
const QUERIES: readonly JudgedQuery[] = [...new Map(SETS.flatMap((set) => set.queries).map((j) => [`${j.stratum}\n${j.q}`, j])).values()];

/** Both rankings of one query: the engine's relevance order, and the feedback-ranked order. */
async function rankings(demo: DemoCatalog, q: string) {
  const { hits } = await demo.search(q);
  const ranked = hits.map((h) => h.product.name);
  // Array.prototype.sort is stable: equal relevance keeps the engine's order.
  const text = [...hits].sort((a, b) => b.relevance - a.relevance).map((h) => h.product.name);
  return { hits, ranked, text };
}

/** One query's scores under both rankings. */
interface Row {
  readonly j: JudgedQuery;
  readonly topical: { readonly text: number; readonly ranked: number };
  readonly fitness: { readonly text: number; readonly ranked: number };
  /** Fitness nDCG@10 of the same hits re-ordered by their fitness grades: what re-ranking could reach. */
  readonly ceiling: number;
  /** Whether the engine retrieved the product the judges would use, when there is one. */
  readonly retrieved?: boolean;
  readonly intrusion: { readonly text: boolean; readonly ranked: boolean };
  /** Whether a product the judges would use (fitness 3) is first, when there is one. */
  readonly useFirst?: { readonly text: boolean; readonly ranked: boolean };
  /** The equally-on-topic, unequally-fit pairs, as each ranking settles them. */
  readonly decisions: { readonly text: FitnessDecisions; readonly ranked: FitnessDecisions };
  /** For a known-canonical query: whether the agreed answer is first. */
  readonly canonicalFirst?: { readonly text: boolean; readonly ranked: boolean };
}

async function score(demo: DemoCatalog, j: JudgedQuery): Promise<Row> {
  const { ranked, text } = await rankings(demo, j.q);
  const judged = judgedProducts(j);
  const topical = (p: string) => grade(j.topical, p);
  const fitness = (p: string) => grade(j.fitness, p);
  const use = (list: readonly string[]) => list.length > 0 && fitness(list[0]!) === 3;
  return {
    j,
    topical: { text: ndcg(text, topical, judged), ranked: ndcg(ranked, topical, judged) },
    fitness: { text: ndcg(text, fitness, judged), ranked: ndcg(ranked, fitness, judged) },
    // Stable sort: among equal grades, text order.
    ceiling: ndcg([...text].sort((a, b) => fitness(b) - fitness(a)), fitness, judged),
    retrieved: judged.some((p) => fitness(p) === 3) ? text.some((p) => fitness(p) === 3) : undefined,
    intrusion: { text: intrudes(text, topical), ranked: intrudes(ranked, topical) },
    useFirst: judged.some((p) => fitness(p) === 3) ? { text: use(text), ranked: use(ranked) } : undefined,
    decisions: { text: fitnessDecisions(text, topical, fitness, judged), ranked: fitnessDecisions(ranked, topical, fitness, judged) },
    canonicalFirst: j.canonical && { text: j.canonical.includes(text[0] ?? ''), ranked: j.canonical.includes(ranked[0] ?? '') },
  };
}

/** The §C.1 summary of a set's rows: means over the queries with something relevant. */
function summarise(rows: readonly Row[]) {
  const graded = rows.filter((r) => !Number.isNaN(r.topical.text));
  const pair = (key: 'topical' | 'fitness') => ({ text: mean(graded.map((r) => r[key].text)), ranked: mean(graded.map((r) => r[key].ranked)) });
  const share = (key: 'intrusion' | 'useFirst' | 'canonicalFirst', variant: 'text' | 'ranked') => {
    const asked = rows.filter((r) => r[key] !== undefined);
    return asked.filter((r) => r[key]![variant]).length / asked.length;
  };
  const withUse = rows.filter((r) => r.retrieved !== undefined);
  const decided = (variant: 'text' | 'ranked') => rows.reduce((n, r) => n + r.decisions[variant].fitterFirst, 0);
  const rng = new Rng(0x1c1);
  return {
    graded,
    topical: pair('topical'),
    fitness: pair('fitness'),
    ceiling: mean(graded.map((r) => r.ceiling)),
    retrieved: { of: withUse.length, missed: withUse.filter((r) => !r.retrieved).length },
    fitnessCi: bootstrapCi(graded.map((r) => r.fitness.ranked - r.fitness.text), () => rng.next()),
    intrusion: { text: share('intrusion', 'text'), ranked: share('intrusion', 'ranked') },
    useFirst: { text: share('useFirst', 'text'), ranked: share('useFirst', 'ranked') },
    canonical: rows.filter((r) => r.canonicalFirst).length,
    canonicalFirst: { text: share('canonicalFirst', 'text'), ranked: share('canonicalFirst', 'ranked') },
    decisions: {
      judged: rows.reduce((n, r) => n + r.decisions.text.judged, 0),
      listed: rows.reduce((n, r) => n + r.decisions.text.listed, 0),
      text: decided('text'),
      ranked: decided('ranked'),
    },
  };
}

function table(set: JudgedSet, ageDays: number, rows: readonly Row[], s: ReturnType<typeof summarise>): string {
  const f = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(3);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const verdict = (met: boolean) => (met ? 'target met' : 'target NOT met');
  const strata = [...new Set(s.graded.map((r) => r.j.stratum))];
  const changed = s.graded.filter((r) => Math.abs(r.fitness.ranked - r.fitness.text) > 1e-9 || Math.abs(r.topical.ranked - r.topical.text) > 1e-9);
  return [
    `${set.name}: ${rows.length} queries (${s.graded.length} with a relevant product), products ${ageDays} days old`,
    `                              text-only   feedback-ranked   difference`,
    `  topical nDCG@10             ${f(s.topical.text)}      ${f(s.topical.ranked)}            ${f(s.topical.ranked - s.topical.text)}   (≥ −${TOPICAL_COST}: ${verdict(s.topical.ranked >= s.topical.text - TOPICAL_COST)})`,
    `  fitness nDCG@10             ${f(s.fitness.text)}      ${f(s.fitness.ranked)}            ${f(s.fitness.ranked - s.fitness.text)}   (≥ +${FITNESS_GAIN}: ${verdict(s.fitness.ranked >= s.fitness.text + FITNESS_GAIN)}; 95% CI ${f(s.fitnessCi[0])} … ${f(s.fitnessCi[1])})`,
    `  weak-match intrusion        ${pct(s.intrusion.text).padStart(6)}      ${pct(s.intrusion.ranked).padStart(6)}                        (≤ ${pct(INTRUSION)}: ${verdict(s.intrusion.ranked <= INTRUSION)})`,
    `  the product to use first    ${pct(s.useFirst.text).padStart(6)}      ${pct(s.useFirst.ranked).padStart(6)}`,
    ...(s.canonical === 0
      ? []
      : [`  canonical@1 (${String(s.canonical).padStart(2)} queries)${pct(s.canonicalFirst.text).padStart(9)}      ${pct(s.canonicalFirst.ranked).padStart(6)}                        (≥ ${pct(CANONICAL_FIRST)}: ${verdict(s.canonicalFirst.ranked >= CANONICAL_FIRST)})`]),
    `  the hits re-ordered by their fitness grades would reach fitness ${f(s.ceiling)} (${f(s.ceiling - s.fitness.text)} over text);`,
    `  the engine did not retrieve the product to use for ${s.retrieved.missed} of the ${s.retrieved.of} queries that have one`,
    `  pairs equally on topic but unequally fit: ${s.decisions.judged} judged, ${s.decisions.listed} with both retrieved; the fitter first in text ${s.decisions.text}, feedback ${s.decisions.ranked}`,
    ...strata.map((stratum) => {
      const in_ = s.graded.filter((r) => r.j.stratum === stratum);
      const d = (key: 'topical' | 'fitness') => f(mean(in_.map((r) => r[key].ranked - r[key].text)));
      return `  ${stratum.padEnd(15)} (${String(in_.length).padStart(3)} queries)  topical ${d('topical')}   fitness ${d('fitness')}`;
    }),
    `  queries whose ranking changed a score (topical text → ranked, fitness text → ranked):`,
    ...changed.map((r) => `    ${r.j.q.padEnd(48)} ${f(r.topical.text)} → ${f(r.topical.ranked)}   ${f(r.fitness.text)} → ${f(r.fitness.ranked)}`),
  ].join('\n');
}

describe.each([
  { label: 'a mature mesh (products 120 days old)', ageDays: 120 },
  { label: 'the demo as it first starts (every product new)', ageDays: 0 },
])('judged queries on $label', ({ ageDays }) => {
  let demo: DemoCatalog;
  beforeAll(async () => {
    demo = await demoCatalog(ageDays);
  }, 120_000);
  afterAll(() => demo?.close());

  it.each(SETS)('scores the $name against text relevance alone and prints nDCG@10 against the targets', async (set) => {
    const rows: Row[] = [];
    for (const j of set.queries) rows.push(await score(demo, j));
    const s = summarise(rows);
    console.log(table(set, ageDays, rows, s));
    expect(set.queries.length).toBeGreaterThanOrEqual(set.minimum);
    // Every product new: the exploration bonus, not earned feedback, sets the multipliers.
    if (ageDays > 0) expect(s.fitness.ranked).toBeGreaterThan(s.fitness.text);
    // Where the hits hold two products equally on topic, a mature mesh's feedback puts the fitter
    // one first more often than text does, and in at least 4 of 5 such pairs.
    if (ageDays > 0) expect(s.decisions.listed, 'equally on-topic, unequally fit pairs among the hits').toBeGreaterThan(0);
    if (ageDays > 0) expect(s.decisions.ranked).toBeGreaterThan(s.decisions.text);
    if (ageDays > 0) expect(s.decisions.ranked / s.decisions.listed).toBeGreaterThanOrEqual(DECIDED);
    // Feedback never puts the owning domain's agreed answer first less often than text does.
    if (s.canonical > 0) expect(s.canonicalFirst.ranked).toBeGreaterThanOrEqual(s.canonicalFirst.text);
    if (set.topicalHolds) expect(s.topical.ranked - s.topical.text).toBeGreaterThanOrEqual(-TOPICAL_COST);
  });

  it('never ranks a deprecated product above its successor unless the query names it', async () => {
    let pairs = 0;
    for (const j of QUERIES) {
      const { hits } = await rankings(demo, j.q);
      const at = new Map(hits.map((h, i) => [h.product.iri, i]));
      for (const [i, hit] of hits.entries()) {
        const successor = demo.successors.get(hit.product.iri);
        const after = successor === undefined ? undefined : at.get(successor);
        if (after === undefined || hit.notes.includes(EXACT_NOTE)) continue;
        pairs += 1;
        expect({ q: j.q, deprecated: hit.product.name, above: after < i }).toEqual({ q: j.q, deprecated: hit.product.name, above: true });
      }
    }
    // Every set asks for superseded products in several queries: the check must have run.
    expect(pairs).toBeGreaterThan(0);
    console.log(`deprecated products checked against their successors: ${pairs} (query, product) pairs`);
  });

  it('ranks every product first for its exact name and for its title', async () => {
    const names = new Set(QUERIES.flatMap(judgedProducts));
    const all = (await demo.search('', 100)).hits;
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const name of names) expect(all.map((h) => h.product.name)).toContain(name);
    for (const { product } of all) {
      for (const asked of [product.name, product.title].filter((x): x is string => Boolean(x))) {
        const first = (await demo.search(asked, 1)).hits[0];
        expect([asked, first?.product.name]).toEqual([asked, product.name]);
      }
    }
  });
});
