/**
 * Deterministic synthetic products for benchmarks: catalog-like words drawn with a Zipf
 * distribution, so frequent words have long posting lists as in a real mesh.
 */
const CORE = `listener play events artist podcast playlist demographics profiles sessions daily revenue royalties
partner device errors quality churn recommendations embeddings followers engagement mentions sentiment catalog
tracks albums genres subscriptions payments statements trending emerging episodes transcripts audience usage
reports activations directory taste feedback model features clicks impressions search queries region country
market cohort retention funnel conversion orders invoices refunds ledger balance forecast anomaly latency
stream table snapshot history changes curated raw cleaned aggregated weekly monthly hourly realtime batch`.split(/\s+/);

/** A small seeded PRNG (mulberry32): the same seed gives the same catalog on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vocabulary of real catalog words followed by pronounceable synthetic ones. */
function vocabulary(size: number, random: () => number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'an', 'dri', 'po', 'qu', 'ste', 'ly', 'mar', 'ne', 'gor'];
  const words = new Set(CORE);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...words];
}

/** Draws word indices with probability ∝ 1/rank^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const DOMAINS = ['player', 'listener', 'artist', 'playlist', 'podcast', 'partnership', 'social-media', 'recommendations'];
const KINDS = ['stream', 'table', 'file', 'api', 'graphql'];

/** A generator of benchmark products and of queries over the same vocabulary. */
export function catalogGenerator(seed = 42) {
  const random = rng(seed);
  const words = vocabulary(8000, random);
  const draw = zipf(words.length, 1.05, random);
  const word = () => words[draw()] as string;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');

  return {
    words,
    /** The i-th product descriptor (about 1.5–2 KB as JSON). */
    product(i: number) {
      const domain = pick(DOMAINS);
      const name = `${word()}-${word()}-${i}`;
      return {
        id: `https://bench.example/products/${domain}/${name}`,
        name,
        title: phrase(3),
        description: `${phrase(40)}.`,
        domain,
        owner: { team: `team-${Math.floor(random() * 40)}` },
        status: random() < 0.9 ? 'active' : pick(['draft', 'deprecated']),
        tags: Array.from({ length: 2 + Math.floor(random() * 3) }, () => word().replace(/[^a-z0-9]/g, '')).filter(Boolean),
        outputPorts: [
          {
            name: 'main',
            kind: pick(KINDS),
            format: 'parquet',
            fields: Array.from({ length: 5 + Math.floor(random() * 10) }, (_, f) => ({ name: `${word()}_${f}`, type: 'string' })),
            slos: [{ metric: 'timeliness', objective: '<= 1 h', target: 0.99, window: '28d' }],
          },
        ],
      };
    },
    /** A query of 1–3 words; some with a typo, some ending in a short prefix, some filtered. */
    query(): string {
      const n = 1 + Math.floor(random() * 3);
      const ws = Array.from({ length: n }, word);
      const roll = random();
      const last = ws.length - 1;
      if (roll < 0.3 && (ws[last] as string).length >= 5) ws[last] = typo(ws[last] as string, random);
      else if (roll < 0.6) ws[last] = (ws[last] as string).slice(0, 1 + Math.floor(random() * 4));
      const params = new URLSearchParams({ q: ws.join(' ') });
      if (random() < 0.2) params.set('domain', pick(DOMAINS));
      if (random() < 0.05) params.set('q', '');
      return params.toString();
    },
  };
}

function typo(w: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (w.length - 2));
  return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2); // transposition
}
