/**
 * Benchmark (not a test): what the federated gateway adds to a request (issue 8).
 *
 *   npm run bench:graphql -- [seconds=20] [rate=100] [split=no]
 *
 * A real server process with the Daff demo mesh (51 products, their lineage and signal history).
 * Requests are sent open-loop at `rate` per second (one every 1000/rate ms, whether or not the
 * last one has answered), each for a random demo product, in three phases of `seconds` each:
 * 1. REST: `GET /api/v1/products/{iri}`, the product as the catalog stores it;
 * 2. GraphQL, the same data: the product's descriptor fields through `/graphql` (one subgraph);
 * 3. GraphQL, federated: description, upstream products, feedback score with factors and the
 *    duplicate group (all four subgraphs), for the record.
 * The gateway's added latency is phase 2 minus phase 1, at p50 and p95. Budget: p95 ≤ 5 ms.
 * With `split=yes` (needs QUANTA_GRAPH=neo4j and NEO4J_URI) the subgraphs run in their own processes.
 */
import { createClient, loadDemo } from '@quanta/ingest';
import { authorization, startQuanta } from '../src/index.js';
import { f1, openLoop, pct } from './measure.js';

const seconds = Number(process.argv[2] ?? 20);
const rate = Number(process.argv[3] ?? 100);
const split = process.argv[4] === 'yes';

const SAME_DATA = `query($iri: ID!) { product(iri: $iri) { iri name title description domain { name } owner { name contact } status version tags concepts
  outputPorts { name kind format description location fields { name type description concept pii } slos { metric objective target window } } revision createdAt updatedAt } }`;
const FEDERATED = `query($iri: ID!) { product(iri: $iri) { description upstream { name } feedbackScore factors { name value reason } duplicateGroup { canonical { name } members { product { name } canonical } } } }`;

async function main(): Promise<void> {
  const q = await startQuanta({ args: split ? ['--split'] : [], timeoutMs: 180_000 });
  try {
    const client = createClient(q.url, { token: q.adminToken });
    await loadDemo(client, () => undefined);
    const list = (await (await fetch(`${q.url}/api/v1/products?limit=500`, { headers: authorization(q.url) })).json()) as { items: { iri: string }[] };
    const iris = list.items.map((p) => p.iri);
    const iri = (i: number) => iris[(i * 7919) % iris.length] as string;
    const ok = async (res: Response) => {
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${res.status}: ${text.slice(0, 300)}`);
    };
    const graphql = (query: string) => async (i: number) =>
      ok(await fetch(`${q.url}/graphql`, { method: 'POST', headers: { ...authorization(q.url), 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables: { iri: iri(i) } }) }));
    // Warm both paths (JIT, query plans) before measuring.
    for (let i = 0; i < 200; i++) {
      await ok(await fetch(`${q.url}/api/v1/products/${encodeURIComponent(iri(i))}`, { headers: authorization(q.url) }));
      await graphql(SAME_DATA)(i);
      await graphql(FEDERATED)(i);
    }
    console.log(`gateway latency at ${rate} requests/s, ${seconds} s per phase, ${iris.length} products, ${split ? 'split: each subgraph in its own process' : 'all in one process'}`);
    const rest = await openLoop({ label: 'REST GET /api/v1/products/{iri}', seconds, rate }, async (i) => ok(await fetch(`${q.url}/api/v1/products/${encodeURIComponent(iri(i))}`, { headers: authorization(q.url) })));
    const same = await openLoop({ label: 'GraphQL, the same data', seconds, rate }, graphql(SAME_DATA));
    await openLoop({ label: 'GraphQL, all four subgraphs', seconds, rate }, graphql(FEDERATED));
    const added = (p: number) => pct(same, p) - pct(rest, p);
    console.log(`  the gateway adds p50 ${f1(added(50))} ms, p95 ${f1(added(95))} ms (budget: p95 ≤ 5 ms)`);
  } finally {
    await q.stop();
    q.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
