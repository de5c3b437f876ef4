import { productRef, type DuplicateFeatures } from './features.js';
import { columnKey, TYPE_CLASSES, type ColumnSignature } from './signature.js';
import { matchSorted } from './sorted.js';
import { textTerms } from './tokens.js';
import { Vocabulary } from './vocabulary.js';

/**
 * A product as pair scoring reads it: everything tokenised, interned and sorted once when it
 * enters the corpus, so scoring a pair only merges integer arrays.
 */
export interface PreparedProduct {
  readonly features: DuplicateFeatures;
  /** The id of `product:<its iri>` among upstreams: how another product would list it. */
  readonly ref: number;
  /** Distinct column keys (type class + token), sorted ids… */
  readonly columnKeys: Int32Array;
  /** …and the column each stands for, in the same order, with its type class's index in {@link TYPE_CLASSES}. */
  readonly columns: readonly ColumnSignature[];
  readonly columnTypes: Uint8Array;
  /** Distinct text terms, sorted ids, and their sublinear term frequency `1 + ln tf`. */
  readonly terms: Int32Array;
  readonly termWeights: Float64Array;
  readonly concepts: Int32Array;
  readonly upstreams: Int32Array;
  /** Its TF-IDF text norm and the IDF sum of its concepts, as of corpus version `version` (a cache). */
  weights: { version: number; textNorm: number; conceptIdf: number };
}

// Matched positions of one merge; reused, since scoring never runs re-entrantly.
const scratch: number[] = [];

/** An IDF table filled lazily: each entry remembers the corpus version it was computed at. */
class IdfCache {
  private values = new Float64Array(1024);
  private versions = new Int32Array(1024).fill(-1);

  constructor(private readonly vocabulary: Vocabulary) {}

  get(id: number, documents: number, version: number): number {
    if (id >= this.values.length) {
      const size = Math.max(id + 1, this.values.length * 2);
      const values = new Float64Array(size);
      const versions = new Int32Array(size).fill(-1);
      values.set(this.values);
      versions.set(this.versions);
      [this.values, this.versions] = [values, versions];
    }
    if (this.versions[id] === version) return this.values[id] as number;
    // Smoothed IDF (as scikit-learn's): positive for every term, 1 for a term every document has.
    const v = Math.log((1 + documents) / (1 + this.vocabulary.count(id))) + 1;
    this.values[id] = v;
    this.versions[id] = version;
    return v;
  }
}

/**
 * The products being compared and their statistics: document frequencies of text terms and
 * concepts (so IDF is that of the whole corpus, current after every change) and the interned
 * columns and upstreams.
 */
export class DuplicateCorpus {
  readonly terms = new Vocabulary();
  readonly concepts = new Vocabulary();
  readonly upstreams = new Vocabulary();
  readonly columns = new Vocabulary();
  private documents = 0;
  /** Bumped on every change: IDF values and weights computed at another version are stale. */
  private changes = 0;
  private readonly termIdf = new IdfCache(this.terms);
  private readonly conceptIdf = new IdfCache(this.concepts);

  /** How many products are in the corpus. */
  get size(): number {
    return this.documents;
  }

  /** Adds a product's features to the statistics and returns it prepared for scoring. */
  add(features: DuplicateFeatures): PreparedProduct {
    const byKey = new Map(features.columns.map((c) => [columnKey(c), c]));
    const columnKeys = this.columns.add(byKey.keys());
    const columns = Array.from(columnKeys, (id) => byKey.get(this.columns.string(id)) as ColumnSignature);
    const columnTypes = Uint8Array.from(columns, (c) => TYPE_CLASSES.indexOf(c.type));
    const tf = new Map<string, number>();
    for (const t of textTerms(features.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const terms = this.terms.add(tf.keys());
    const termWeights = Float64Array.from(terms, (id) => 1 + Math.log(tf.get(this.terms.string(id)) as number));
    const [ref] = this.upstreams.add([productRef(features.id)]);
    this.documents++;
    this.changes++;
    return {
      features,
      ref: ref as number,
      columnKeys,
      columns,
      columnTypes,
      terms,
      termWeights,
      concepts: this.concepts.add(features.concepts),
      upstreams: this.upstreams.add(features.upstreams),
      weights: { version: -1, textNorm: 0, conceptIdf: 0 },
    };
  }

  /** Takes a product added earlier out of the statistics. */
  remove(p: PreparedProduct): void {
    this.columns.remove(p.columnKeys);
    this.terms.remove(p.terms);
    this.concepts.remove(p.concepts);
    this.upstreams.remove(p.upstreams);
    this.upstreams.remove(Int32Array.of(p.ref));
    this.documents--;
    this.changes++;
  }

  /** IDF of a text term, `ln((1 + N)/(1 + df)) + 1`. */
  idfTerm(id: number): number {
    return this.termIdf.get(id, this.documents, this.changes);
  }

  /** IDF of a concept, the same formula over the concepts' document frequencies. */
  idfConcept(id: number): number {
    return this.conceptIdf.get(id, this.documents, this.changes);
  }

  /** A product's IDF-dependent weights (its text vector's length, its concepts' IDF sum), cached until the corpus changes. */
  private weightsOf(p: PreparedProduct): PreparedProduct['weights'] {
    if (p.weights.version !== this.changes) {
      let sum = 0;
      p.terms.forEach((id, i) => {
        const w = (p.termWeights[i] as number) * this.idfTerm(id);
        sum += w * w;
      });
      let conceptIdf = 0;
      for (const id of p.concepts) conceptIdf += this.idfConcept(id);
      p.weights = { version: this.changes, textNorm: Math.sqrt(sum), conceptIdf };
    }
    return p.weights;
  }

  /** IDF-weighted Jaccard of two products' concepts (§B.5.3): Σ_{A∩B} idf / Σ_{A∪B} idf; undefined when neither links any. */
  conceptJaccard(a: PreparedProduct, b: PreparedProduct): number | undefined {
    if (a.concepts.length + b.concepts.length === 0) return undefined;
    const all = this.weightsOf(a).conceptIdf + this.weightsOf(b).conceptIdf;
    let both = 0;
    const n = matchSorted(a.concepts, b.concepts, scratch);
    for (let k = 0; k < n; k++) both += this.idfConcept(a.concepts[scratch[2 * k] as number] as number);
    return both / (all - both);
  }

  /** TF-IDF cosine of two products' texts (§B.5.4), with the corpus's current IDF. */
  textCosine(a: PreparedProduct, b: PreparedProduct): number {
    const na = this.weightsOf(a).textNorm;
    const nb = this.weightsOf(b).textNorm;
    if (na === 0 || nb === 0) return 0;
    let dot = 0;
    const n = matchSorted(a.terms, b.terms, scratch);
    for (let k = 0; k < n; k++) {
      const i = scratch[2 * k] as number;
      const idf = this.idfTerm(a.terms[i] as number);
      dot += (a.termWeights[i] as number) * (b.termWeights[scratch[2 * k + 1] as number] as number) * idf * idf;
    }
    return Math.min(1, dot / (na * nb));
  }
}
