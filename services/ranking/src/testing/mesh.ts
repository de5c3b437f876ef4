import type { DuplicateFeatures } from '../duplicates/features.js';
import { mulberry32 } from '../duplicates/minhash.js';
import { columnSignature } from '../duplicates/signature.js';

const SYLLABLES = ['or', 'der', 'cus', 'tom', 'er', 'pay', 'ment', 'ship', 'item', 'sku', 'price', 'tax', 'rate', 'ac', 'count', 'bal', 'ance', 'lead', 'sta', 'tus', 'ven', 'dor', 'stock', 'ware', 'house', 'cam', 'paign', 'click', 'ses', 'sion', 'dev', 'ice'];
const TYPES = ['string', 'bigint', 'decimal(12,2)', 'timestamp', 'date', 'boolean', 'int', 'double'];

/** The shape of a synthetic mesh: products in domains, some of them copies of others. */
export interface MeshShape {
  readonly products: number;
  readonly domains: number;
  /** Share of products that are a (renamed, extended) copy of another product of their domain. */
  readonly copies: number;
  readonly seed: number;
}

/**
 * A synthetic mesh for tests and speed checks: each domain has a pool of column names, raw
 * sources and concepts; a product draws 10–30 columns, 1–3 sources and a few concepts from its
 * domain, sometimes reads another product (so its upstreams go two levels deep), and a share of
 * products copy another one, drifting from it by a random amount: columns dropped or renamed, a few
 * added, and perhaps another source, fewer concepts or a new description.
 */
export function syntheticMesh(shape: MeshShape): DuplicateFeatures[] {
  const draw = mulberry32(shape.seed);
  const next = () => draw() / 4_294_967_296;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  const domains = Array.from({ length: shape.domains }, (_, d) => ({
    columns: Array.from({ length: 300 }, () => ({ name: Array.from({ length: 1 + Math.floor(next() * 2) }, word).join('_'), type: pick(TYPES) })),
    sources: Array.from({ length: Math.max(5, Math.round(shape.products / shape.domains / 20)) }, (_, i) => `dataset:warehouse:raw_d${d}.t${i}`),
    concepts: Array.from({ length: 30 }, (_, i) => `https://example.com/ontology/d${d}#C${i}`),
    words: Array.from({ length: 80 }, word),
    products: [] as DuplicateFeatures[],
  }));
  const out: DuplicateFeatures[] = [];
  for (let i = 0; i < shape.products; i++) {
    const dom = pick(domains);
    const id = `https://example.com/products/p${i}`;
    const sentence = () => Array.from({ length: 20 + Math.floor(next() * 40) }, () => pick(dom.words)).join(' ');
    const original = dom.products.length > 0 && next() < shape.copies ? pick(dom.products) : undefined;
    let f: DuplicateFeatures;
    if (original) {
      // How far the copy drifted from its original: 0 is a verbatim copy, 1 shares little more than its origin.
      const drift = next();
      const columns = original.columns.filter(() => next() >= drift / 2).map((c) => (next() < drift / 2 ? { ...c, token: `${c.token}_${word()}` } : c));
      for (let k = Math.floor(next() * 4); k > 0; k--) columns.push(columnSignature(pick(dom.columns).name, 'string'));
      f = {
        id,
        name: `${original.name}-copy`,
        columns,
        concepts: next() < drift ? original.concepts.slice(0, 1) : original.concepts,
        text: next() < drift ? sentence() : `${original.text} copy`,
        upstreams: next() < drift ? [pick(dom.sources)] : original.upstreams,
      };
    } else {
      const columns = Array.from({ length: 10 + Math.floor(next() * 21) }, () => {
        const c = pick(dom.columns);
        return columnSignature(c.name, c.type);
      });
      if (next() < 0.7) columns.push(columnSignature('id', 'bigint'), columnSignature('created_at', 'timestamp'));
      const upstreams = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(dom.sources));
      const parent = dom.products.length > 0 && next() < 0.3 ? pick(dom.products) : undefined;
      if (parent) upstreams.push(`product:${parent.id}`, ...parent.upstreams.filter((u) => !u.startsWith('product:')));
      const name = `${pick(dom.words)}-${i}`;
      f = { id, name, columns, concepts: [...new Set(Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(dom.concepts)))].sort(), text: sentence(), upstreams: [...new Set(upstreams)].sort() };
    }
    dom.products.push(f);
    out.push(f);
  }
  return out;
}
