import { catalogGenerator, rng } from './generate.js';

/**
 * The benchmark products of `generate.ts`, wired into a lineage DAG: every product but the
 * first few consumes 1–3 earlier products, mostly recent ones (as pipelines build on fresh
 * products), sometimes far older ones (as everything ends up reading a few core sources). The
 * result has long chains, shared ancestors and hubs, so 5-hop traversals fan out realistically.
 */
export function lineageCatalog(size: number, seed = 7) {
  const gen = catalogGenerator(size);
  const random = rng(seed);
  const ids: string[] = [];
  let consumesEdges = 0;
  const descriptors = Array.from({ length: size }, (_, i) => {
    const product = gen.product(i);
    ids.push(product.id);
    const upstream = new Set<string>();
    const wanted = i < 10 ? 0 : 1 + Math.floor(random() * 3);
    while (upstream.size < wanted) {
      // Cubing skews picks towards the most recent products; the window reaches 5,000 back.
      const back = 1 + Math.floor(random() ** 3 * Math.min(i, 5000));
      upstream.add(ids[i - back] as string);
    }
    consumesEdges += upstream.size;
    return { ...product, inputPorts: [...upstream].map((iri) => ({ product: iri })) };
  });
  return {
    descriptors,
    consumesEdges,
    /**
     * `n` distinct product IRIs (seeded) from the later half (deep upstream), the earlier half
     * (wide downstream) or anywhere.
     */
    sample(n: number, part: 'late' | 'early' | 'any'): string[] {
      const pick = rng(seed + { late: 1, early: 2, any: 3 }[part]);
      const from = part === 'late' ? Math.floor(size / 2) : 0;
      const span = part === 'any' ? size : Math.ceil(size / 2);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(n, span)) chosen.add(ids[from + Math.floor(pick() * span)] as string);
      return [...chosen];
    },
  };
}
