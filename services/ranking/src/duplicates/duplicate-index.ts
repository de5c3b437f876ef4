import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import { DuplicateCorpus, type PreparedProduct } from './corpus.js';
import type { DuplicateFeatures } from './features.js';
import { IdBuckets } from './id-buckets.js';
import { LshIndex } from './lsh.js';
import { MinHash } from './minhash.js';
import { scorePrepared, type PairScore } from './pair-score.js';

/** Files a slot under each of `keys` (and `extra`): its interned upstreams and own ref, or its concepts. */
function fileAll(blocks: IdBuckets, keys: Int32Array, slot: number, extra?: number): void {
  for (const k of keys) blocks.add(k, slot);
  if (extra !== undefined) blocks.add(extra, slot);
}

/** Undoes {@link fileAll}. */
function unfileAll(blocks: IdBuckets, keys: Int32Array, slot: number, extra?: number): void {
  for (const k of keys) blocks.delete(k, slot);
  if (extra !== undefined) blocks.delete(extra, slot);
}

const byIds = (p: PairScore, q: PairScore): number => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);

/**
 * The duplicate detector of a whole mesh (§B.5.9), kept up to date one product at a time: the
 * corpus statistics for IDF, MinHash-LSH over column signatures, and blocks of products sharing
 * an upstream or a concept. Only candidates from those are scored exactly.
 *
 * Blocks (and LSH buckets) larger than `duplicates.blockCap` are skipped: a concept every product
 * links (Customer), a raw source half the mesh reads, or an `id, created_at` schema would make
 * every pair in them a candidate, quadratic in their size, while saying nothing about duplication.
 * Their members are still found through their other evidence.
 *
 * Products live in numbered slots, so gathering candidates marks integers in an array instead of
 * hashing ids: at 100,000 products that gathering is most of the work.
 */
export class DuplicateIndex {
  private readonly slots = new Map<string, number>();
  private readonly entries: (PreparedProduct | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly corpus = new DuplicateCorpus();
  private readonly minhash: MinHash;
  private readonly lsh: LshIndex;
  /**
   * Slots by interned upstream (the corpus's upstream ids, in which a product's own ref is how
   * others list it, so a product meets what derives from it) and by interned concept.
   */
  private readonly byUpstream = new IdBuckets();
  private readonly byConcept = new IdBuckets();
  /** slot → the pass that last met it while gathering candidates. */
  private seen = new Int32Array(1024);
  private pass = 0;

  constructor(private readonly params: RankingParams = DEFAULT_RANKING_PARAMS) {
    const { perms, bands, rows, seed } = params.duplicates.lsh;
    this.minhash = new MinHash(perms, seed);
    this.lsh = new LshIndex(bands, rows);
  }

  /** How many products are indexed. */
  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Adds a product, or replaces it when its features changed. */
  upsert(features: DuplicateFeatures): void {
    this.remove(features.id);
    const p = this.corpus.add(features);
    const slot = this.free.pop() ?? this.entries.length;
    this.slots.set(features.id, slot);
    this.entries[slot] = p;
    // A product without columns has no schema to hash: its empty signature would collide with every other one.
    if (p.columns.length > 0) this.lsh.insert(slot, this.minhash.signature(Array.from(p.columnKeys, (id) => this.corpus.columns.string(id))));
    fileAll(this.byUpstream, p.upstreams, slot, p.ref);
    fileAll(this.byConcept, p.concepts, slot);
  }

  /** Forgets a product; a no-op for an unknown id. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    const p = slot === undefined ? undefined : this.entries[slot];
    if (slot === undefined || !p) return;
    this.slots.delete(id);
    this.entries[slot] = undefined;
    this.free.push(slot);
    this.lsh.remove(slot);
    unfileAll(this.byUpstream, p.upstreams, slot, p.ref);
    unfileAll(this.byConcept, p.concepts, slot);
    this.corpus.remove(p);
  }

  /** The products worth scoring against `id` (similar columns, a shared upstream or concept), sorted. */
  candidatesOf(id: string): string[] {
    const slot = this.slots.get(id);
    if (slot === undefined) return [];
    return this.candidateSlots(slot)
      .map((s) => (this.entries[s] as PreparedProduct).id)
      .sort();
  }

  /** The slots sharing an LSH bucket or a block (each no larger than the cap) with `slot`, each once. */
  private candidateSlots(slot: number): number[] {
    const p = this.entries[slot] as PreparedProduct;
    const cap = this.params.duplicates.blockCap;
    if (this.seen.length < this.entries.length) {
      const grown = new Int32Array(Math.max(this.entries.length, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.pass === 0x7fffffff) {
      this.seen.fill(0);
      this.pass = 0;
    }
    const pass = ++this.pass;
    this.seen[slot] = pass;
    const out: number[] = [];
    const meet = (other: number) => {
      if (this.seen[other] === pass) return;
      this.seen[other] = pass;
      out.push(other);
    };
    const gather = (bucket: ReadonlySet<number> | undefined) => {
      if (bucket !== undefined && bucket.size <= cap) for (const other of bucket) meet(other);
    };
    this.lsh.sharing(slot, cap, meet);
    for (const k of p.upstreams) gather(this.byUpstream.shared(k));
    gather(this.byUpstream.shared(p.ref));
    for (const k of p.concepts) gather(this.byConcept.shared(k));
    return out;
  }

  /** The exact score of two indexed products, whatever their band; undefined if either is unknown. */
  score(a: string, b: string): PairScore | undefined {
    const x = this.entries[this.slots.get(a) ?? -1];
    const y = this.entries[this.slots.get(b) ?? -1];
    return x && y ? scorePrepared(x, y, this.corpus, this.params, false) : undefined;
  }

  /** `id`'s likely and possible duplicates among its candidates, highest score first. */
  pairsOf(id: string): PairScore[] {
    const slot = this.slots.get(id);
    if (slot === undefined) return [];
    const p = this.entries[slot] as PreparedProduct;
    const out: PairScore[] = [];
    for (const other of this.candidateSlots(slot)) {
      const s = scorePrepared(p, this.entries[other] as PreparedProduct, this.corpus, this.params, true);
      if (s && s.band !== 'none') out.push(s);
    }
    return out.sort((x, y) => y.score - x.score || byIds(x, y));
  }

  /** Every likely or possible pair of the mesh, each unordered pair once, sorted by ids. */
  allPairs(): PairScore[] {
    return [...this.pairBatches()].flat().sort(byIds);
  }

  /**
   * {@link allPairs} in batches, one per `products` products scored: a caller on an event loop
   * can yield between batches, since scoring a large mesh takes tens of seconds.
   */
  *pairBatches(products = 1000): Generator<PairScore[]> {
    let batch: PairScore[] = [];
    let scored = 0;
    for (let slot = 0; slot < this.entries.length; slot++) {
      const p = this.entries[slot];
      if (!p) continue;
      for (const other of this.candidateSlots(slot)) {
        // Each pair is a candidate from both sides: score it from the lower slot only.
        if (other < slot) continue;
        const s = scorePrepared(p, this.entries[other] as PreparedProduct, this.corpus, this.params, true);
        if (s && s.band !== 'none') batch.push(s);
      }
      if (++scored % products === 0) {
        yield batch;
        batch = [];
      }
    }
    yield batch;
  }
}
