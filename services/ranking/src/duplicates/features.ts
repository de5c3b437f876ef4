import type { Descriptor } from '@quanta/model';
import { columnKey, columnSignature, type ColumnSignature } from './signature.js';

/** What duplicate detection knows of one product; built once per registration or change. */
export interface DuplicateFeatures {
  /** The product's IRI. */
  readonly id: string;
  /** Its name, for sentences. */
  readonly name: string;
  /** Registration time (epoch ms), when the caller knows it. */
  readonly createdAt?: number;
  /** The signatures of every output port's fields, each once. */
  readonly columns: readonly ColumnSignature[];
  /** Linked concept IRIs: the product's and its fields', each once, sorted. */
  readonly concepts: readonly string[];
  /** Name, title, description, and port and field descriptions, for TF-IDF. */
  readonly text: string;
  /**
   * Upstream sources, transitively to depth 2 (computed by the caller from lineage), each once,
   * sorted: `product:<iri>` for a data product, `dataset:<namespace>:<name>` for a dataset.
   */
  readonly upstreams: readonly string[];
}

/** The parts of a descriptor duplicate detection reads. */
export type DuplicateDescriptor = Pick<Descriptor, 'id' | 'name' | 'title' | 'description' | 'concepts' | 'outputPorts'>;

/** How a product appears in another product's upstreams. */
export const productRef = (iri: string): string => `product:${iri}`;

const uniqueSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/**
 * A product's duplicate features from its descriptor. `upstreams` comes from the caller, who
 * walks lineage (OpenLineage, input ports) to depth 2; the glossary maps column-name words to
 * their preferred term. `createdAt` is left for the caller, who knows when it registered.
 */
export function featuresOf(descriptor: DuplicateDescriptor, upstreams: readonly string[], glossary?: ReadonlyMap<string, string>): DuplicateFeatures {
  const columns = new Map<string, ColumnSignature>();
  const concepts = new Set(descriptor.concepts ?? []);
  const text = [descriptor.name, descriptor.title, descriptor.description];
  for (const port of descriptor.outputPorts ?? []) {
    text.push(port.description);
    for (const field of port.fields ?? []) {
      const c = columnSignature(field.name, field.type, glossary, field.concept);
      // The same column on two ports: keep the one that links a concept, if either does.
      if (!columns.get(columnKey(c))?.concept) columns.set(columnKey(c), c);
      if (field.concept) concepts.add(field.concept);
      text.push(field.description);
    }
  }
  return {
    id: descriptor.id,
    name: descriptor.name,
    columns: [...columns.values()].sort((x, y) => (columnKey(x) < columnKey(y) ? -1 : 1)),
    concepts: uniqueSorted(concepts),
    text: text.filter((t): t is string => !!t).join('\n'),
    upstreams: uniqueSorted(upstreams),
  };
}

/**
 * {@link schemaHash} of the columns as the descriptor declares them, read through no glossary:
 * what an owner judged when marking a pair "not a duplicate".
 */
export function declaredSchemaHash(descriptor: DuplicateDescriptor): string {
  return schemaHash({ columns: (descriptor.outputPorts ?? []).flatMap((p) => (p.fields ?? []).map((f) => columnSignature(f.name, f.type))) });
}

/**
 * A stable digest of a product's schema: its column signatures, sorted, hashed to 64 bits. An
 * owner's "not a duplicate" override records it, and lapses when the schema (so the evidence)
 * changes. A digest rather than the column list itself: the insights projection holds one per
 * product, and at 100,000 products the lists would cost tens of megabytes.
 */
export function schemaHash(features: Pick<DuplicateFeatures, 'columns'>): string {
  return digest64(uniqueSorted(features.columns.map(columnKey)).join(','));
}

/**
 * A 64-bit non-cryptographic digest in base 36 (two 32-bit multiply-xorshift lanes, as cyrb53):
 * enough that two different schemas practically never share one. Pure, so this package needs no
 * Node built-ins.
 */
function digest64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(36).padStart(7, '0') + (h1 >>> 0).toString(36).padStart(7, '0');
}
