import { productRef, type DuplicateFeatures } from './features.js';
import { columnKey, TYPE_CLASSES, type ColumnSignature } from './signature.js';
import { matchSorted } from './sorted.js';
import { textTerms } from './tokens.js';
import { Vocabulary } from './vocabulary.js';

/**
 * A product as pair scoring reads it: everything tokenised, interned and sorted once when it
 * enters the corpus, so scoring a pair only merges integer arrays. Nothing else of its features is
 * kept (not its text, nor its own copies of column signatures): at 100,000 products what every
 * product holds is most of the server's memory.
 */
export interface PreparedProduct {
  /** The product's IRI and name. */
  readonly id: string;
  readonly name: string;
  /** The id of `product:<its iri>` among upstreams: how another product would list it. */
  readonly ref: number;
  /** Distinct column keys (type class + token), sorted ids… */
  readonly columnKeys: Int32Array;
  /** …and the interned signature each stands for, in the same order (see {@link DuplicateCorpus.signature}). */
  readonly columns: Int32Array;
  /** Distinct text terms, sorted ids, and their sublinear term frequency `1 + ln tf`. */
  readonly terms: Int32Array;
  readonly termWeights: Float64Array;
  readonly concepts: Int32Array;
  readonly upstreams: Int32Array;
  /** Its TF-IDF text norm and the IDF sum of its concepts, as of corpus version `version` (a cache). */
  weights: { version: number; textNorm: number; conceptIdf: number };
}

/** A column signature's key with its linked concept: two columns with one key may link different concepts. */
const signatureKey = (c: ColumnSignature): string => (c.concept === undefined ? columnKey(c) : `${columnKey(c)} ${c.concept}`);

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
  private readonly signatures = new Vocabulary();
  private readonly signatureOf: (ColumnSignature | undefined)[] = [];
  private readonly typeOf: number[] = [];
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
    const columns = Int32Array.from(columnKeys, (id) => this.intern(byKey.get(this.columns.string(id)) as ColumnSignature));
    const tf = new Map<string, number>();
    for (const t of textTerms(features.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const terms = this.terms.add(tf.keys());
    const termWeights = Float64Array.from(terms, (id) => 1 + Math.log(tf.get(this.terms.string(id)) as number));
    const ref = this.upstreams.addOne(productRef(features.id));
    this.documents++;
    this.changes++;
    return {
      id: features.id,
      name: features.name,
      ref,
      columnKeys,
      columns,
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
    this.signatures.remove(p.columns);
    this.terms.remove(p.terms);
    this.concepts.remove(p.concepts);
    this.upstreams.remove(p.upstreams);
    this.upstreams.remove(Int32Array.of(p.ref));
    this.documents--;
    this.changes++;
  }

  /** The column signature an id of {@link PreparedProduct.columns} stands for. */
  signature(id: number): ColumnSignature {
    return this.signatureOf[id] as ColumnSignature;
  }

  /** The index in {@link TYPE_CLASSES} of that signature's type class. */
  typeClass(id: number): number {
    return this.typeOf[id] as number;
  }

  /** One signature object per distinct signature in the mesh, shared by every product declaring it. */
  private intern(c: ColumnSignature): number {
    const id = this.signatures.addOne(signatureKey(c));
    // Its first holder (a new id, or a freed one reused): the signature is this one from now on.
    if (this.signatures.count(id) === 1) {
      this.signatureOf[id] = c;
      this.typeOf[id] = TYPE_CLASSES.indexOf(c.type);
    }
    return id;
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
