/**
 * The generated mesh is ground truth for measuring duplicate detection, so its labels have to be
 * true of the descriptors: every duplicate really shares its original's sources, every aggregate
 * really reads its parent, and so on. These tests check that on 2,000 products, plus validity
 * against the descriptor schema and determinism.
 */
import { type Descriptor, DescriptorSchema } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { type DuplicateKind, generateMesh, type NonDuplicateKind } from './generated-mesh.js';
import { GENERIC_COLUMNS } from './mesh-vocabulary.js';

const PRODUCTS = 2_000;
const SEED = 7;
const mesh = generateMesh({ products: PRODUCTS, seed: SEED });
const byId = new Map(mesh.descriptors.map((d, i) => [d.id, { d, i }]));

const get = (iri: string): Descriptor => {
  const entry = byId.get(iri);
  if (!entry) throw new Error(`no product ${iri}`);
  return entry.d;
};
const fieldsOf = (d: Descriptor) => d.outputPorts?.[0]?.fields ?? [];
/** Input ports as comparable strings: `lineage <namespace> <name>` or `product <iri>`. */
const inputsOf = (d: Descriptor): string[] =>
  (d.inputPorts ?? []).map((p) => ('lineage' in p ? `lineage ${p.lineage.namespace} ${p.lineage.name}` : `product ${p.product}`)).sort();
/** Upstream sources to depth 2, as research/ranking.md §B.5 step 5 compares them. */
const upstreamOf = (d: Descriptor, depth = 2, into = new Set<string>()): Set<string> => {
  for (const p of d.inputPorts ?? []) {
    if ('lineage' in p) into.add(`${p.lineage.namespace} ${p.lineage.name}`);
    else {
      into.add(p.product);
      if (depth > 1) upstreamOf(get(p.product), depth - 1, into);
    }
  }
  return into;
};
const sourcesOf = (d: Descriptor) => (d.inputPorts ?? []).flatMap((p) => ('lineage' in p ? [p.lineage] : []));
const pairsOf = <K extends string>(pairs: readonly { a: string; b: string; kind: K }[], kind: K) => pairs.filter((p) => p.kind === kind);

describe(`generateMesh (${PRODUCTS} products, seed ${SEED})`, () => {
  it('makes descriptors that DescriptorSchema accepts unchanged', () => {
    const rejected = mesh.descriptors.flatMap((d) => {
      const parsed = DescriptorSchema.safeParse(d);
      return parsed.success ? [] : [`${d.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
    });
    expect(rejected).toEqual([]);
    // Nothing stripped and no default needed: what a benchmark registers is what it generated.
    for (const d of mesh.descriptors.slice(0, 200)) expect(DescriptorSchema.parse(d)).toEqual(d);
  });

  it('makes exactly the products asked for, with unique IRIs and names', () => {
    expect(mesh.descriptors).toHaveLength(PRODUCTS);
    expect(new Set(mesh.descriptors.map((d) => d.id)).size).toBe(PRODUCTS);
    expect(new Set(mesh.descriptors.map((d) => d.name)).size).toBe(PRODUCTS);
    for (const d of mesh.descriptors) expect(d.id).toBe(`https://mesh.example/products/${d.domain}/${d.name}`);
  });

  it('is deterministic for a seed, and another seed gives another mesh', () => {
    const again = generateMesh({ products: PRODUCTS, seed: SEED });
    expect(JSON.stringify(again)).toBe(JSON.stringify(mesh));
    const other = generateMesh({ products: PRODUCTS, seed: SEED + 1 });
    expect(JSON.stringify(other.descriptors)).not.toBe(JSON.stringify(mesh.descriptors));
  });

  it('lists every product after the products it reads from', () => {
    mesh.descriptors.forEach((d, i) => {
      for (const p of d.inputPorts ?? []) if ('product' in p) expect(byId.get(p.product)?.i ?? Infinity).toBeLessThan(i);
    });
  });

  it('labels pairs of existing, distinct products, each pair once', () => {
    const seen = new Set<string>();
    for (const { a, b } of [...mesh.duplicates, ...mesh.nonDuplicates]) {
      expect(byId.has(a), a).toBe(true);
      expect(byId.has(b), b).toBe(true);
      expect(a).not.toBe(b);
      const key = [a, b].sort().join(' ');
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('has every kind of pair, about duplicateShare duplicates and as many non-duplicates', () => {
    const count = (kind: string) => [...mesh.duplicates, ...mesh.nonDuplicates].filter((p) => p.kind === kind).length;
    const kinds: (DuplicateKind | NonDuplicateKind)[] = [
      'renamed-copy', 'extended-copy', 'same-upstream-rebuild', 'semantic-twin', 'parent-child-grain', 'common-columns', 'same-source-different-entity',
    ];
    console.log(`pairs at ${PRODUCTS} products: ${kinds.map((k) => `${k} ${count(k)}`).join(', ')}`);
    for (const kind of kinds) expect(count(kind), kind).toBeGreaterThanOrEqual(50);
    expect(mesh.duplicates).toHaveLength(Math.round(PRODUCTS * 0.15));
    expect(mesh.nonDuplicates.length).toBeGreaterThanOrEqual(0.9 * mesh.duplicates.length);
    expect(mesh.nonDuplicates.length).toBeLessThanOrEqual(1.1 * mesh.duplicates.length);
  });

  it('makes duplicates that share their original’s sources and concepts, under another team', () => {
    for (const { a, b } of mesh.duplicates) {
      const [original, copy] = [get(a), get(b)];
      expect(inputsOf(copy)).toEqual(inputsOf(original));
      expect(sourcesOf(copy).length).toBeGreaterThan(0);
      expect(copy.concepts).toEqual(original.concepts);
      expect(copy.owner.team).not.toBe(original.owner.team);
    }
  });

  it('makes renamed copies with the same columns and types, a few renamed', () => {
    for (const { a, b } of pairsOf(mesh.duplicates, 'renamed-copy')) {
      const [original, copy] = [fieldsOf(get(a)), fieldsOf(get(b))];
      expect(copy.map((f) => [f.type, f.concept])).toEqual(original.map((f) => [f.type, f.concept]));
      expect(copy.some((f, i) => f.name !== original[i]?.name)).toBe(true);
    }
  });

  it('makes extended copies with every original column and two to six more', () => {
    for (const { a, b } of pairsOf(mesh.duplicates, 'extended-copy')) {
      const [original, copy] = [fieldsOf(get(a)), fieldsOf(get(b))];
      expect(copy.slice(0, original.length)).toEqual(original);
      expect(copy.length - original.length).toBeGreaterThanOrEqual(2);
      expect(copy.length - original.length).toBeLessThanOrEqual(6);
    }
  });

  it('makes rebuilds with most, not all, of the original columns', () => {
    for (const { a, b } of pairsOf(mesh.duplicates, 'same-upstream-rebuild')) {
      const [original, copy] = [fieldsOf(get(a)), fieldsOf(get(b))];
      expect(copy.length).toBeLessThan(original.length);
      expect(copy.length).toBeGreaterThanOrEqual(0.6 * original.length);
    }
  });

  it('makes semantic twins with mostly other column names but the same column concepts', () => {
    for (const { a, b } of pairsOf(mesh.duplicates, 'semantic-twin')) {
      const [original, copy] = [fieldsOf(get(a)), fieldsOf(get(b))];
      expect(copy.map((f) => f.concept)).toEqual(original.map((f) => f.concept));
      expect(copy.filter((f, i) => f.name !== original[i]?.name).length).toBeGreaterThanOrEqual(original.length / 2);
    }
  });

  it('makes aggregates that read their parent alone, at a coarser grain, with few of its columns', () => {
    for (const { a, b } of pairsOf(mesh.nonDuplicates, 'parent-child-grain')) {
      const [parent, child] = [get(a), get(b)];
      expect(child.inputPorts).toEqual([{ product: parent.id }]);
      expect(fieldsOf(child)[0]).toMatchObject({ type: 'date' });
      const parentNames = new Set(fieldsOf(parent).map((f) => f.name));
      expect(fieldsOf(child).filter((f) => parentNames.has(f.name)).length).toBeLessThanOrEqual(fieldsOf(parent).length / 2);
      expect(child.concepts?.some((c) => parent.concepts?.includes(c))).toBe(true);
    }
  });

  it('pairs unrelated products that share only generic columns and no sources', () => {
    for (const { a, b } of pairsOf(mesh.nonDuplicates, 'common-columns')) {
      const [x, y] = [get(a), get(b)];
      const names = new Set(fieldsOf(x).map((f) => f.name));
      const shared = fieldsOf(y).filter((f) => names.has(f.name)).map((f) => f.name);
      expect(shared.length).toBeGreaterThan(0);
      expect(shared.filter((n) => !GENERIC_COLUMNS.has(n))).toEqual([]);
      expect(x.domain).not.toBe(y.domain);
      const upstream = upstreamOf(x);
      expect([...upstreamOf(y)].filter((u) => upstream.has(u))).toEqual([]);
    }
  });

  it('pairs products from one database but different tables, with few columns in common', () => {
    for (const { a, b } of pairsOf(mesh.nonDuplicates, 'same-source-different-entity')) {
      const [x, y] = [get(a), get(b)];
      const [sx, sy] = [sourcesOf(x), sourcesOf(y)];
      expect(sx.some((s) => sy.some((t) => t.namespace === s.namespace))).toBe(true);
      const upstream = upstreamOf(x);
      expect([...upstreamOf(y)].filter((u) => upstream.has(u))).toEqual([]);
      const names = new Set(fieldsOf(x).map((f) => f.name));
      const shared = fieldsOf(y).filter((f) => names.has(f.name)).length;
      expect(shared).toBeLessThan(Math.min(fieldsOf(x).length, fieldsOf(y).length) / 2);
    }
  });

  it('never gives two originals the same source table', () => {
    const copies = new Set(mesh.duplicates.map((p) => p.b));
    const originals = mesh.descriptors.filter((d) => d.tags?.includes('source-aligned') && !copies.has(d.id));
    const sources = originals.flatMap(sourcesOf).map((s) => `${s.namespace} ${s.name}`);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('makes any size asked for, and refuses what it cannot make', () => {
    for (const [products, duplicateShare] of [[1, 0.15], [2, 0.4], [7, 0.4], [137, 0], [500, 0.4]] as const) {
      const small = generateMesh({ products, duplicateShare, seed: 3 });
      expect(small.descriptors).toHaveLength(products);
      for (const d of small.descriptors) expect(DescriptorSchema.safeParse(d).success).toBe(true);
      const ids = new Set(small.descriptors.map((d) => d.id));
      for (const { a, b } of [...small.duplicates, ...small.nonDuplicates]) expect(ids.has(a) && ids.has(b)).toBe(true);
    }
    expect(() => generateMesh({ products: 0 })).toThrow(RangeError);
    expect(() => generateMesh({ products: 10.5 })).toThrow(RangeError);
    expect(() => generateMesh({ products: 100, duplicateShare: 0.6 })).toThrow(RangeError);
  });
});
