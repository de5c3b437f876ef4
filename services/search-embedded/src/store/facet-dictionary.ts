import type { FacetName } from '@quanta/model';
import { FACETS } from '@quanta/model';

/** The id of "no value": fills a document's unused facet slots and is never reported. */
export const NO_VALUE = 0;

interface Entry {
  readonly facet: FacetName;
  readonly value: string;
}

/**
 * Every (facet, value) pair ever indexed, each with one id in a single id space shared by all
 * facets. One space lets a document's facet values sit side by side in one row and be counted
 * into one array, which is what makes counting 100k matches fast (see `FacetRows`). Values are
 * never forgotten: a value no live document carries counts 0 and is left out of results.
 */
export class FacetDictionary {
  private readonly ids = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
  private readonly entries: Entry[] = [{ facet: 'domain', value: '' }];
  private readonly byFacet = Object.fromEntries(FACETS.map((facet) => [facet, [] as number[]])) as Record<FacetName, number[]>;

  /** Number of ids handed out, {@link NO_VALUE} included: the length a counts array needs. */
  get size(): number {
    return this.entries.length;
  }

  /** The id of `value` in `facet`, or -1 when no document ever carried it. */
  idOf(facet: FacetName, value: string): number {
    return this.ids[facet].get(value) ?? -1;
  }

  /** The id of `value` in `facet`, adding it when new. */
  intern(facet: FacetName, value: string): number {
    const known = this.ids[facet].get(value);
    if (known !== undefined) return known;
    const id = this.entries.length;
    this.entries.push({ facet, value });
    this.ids[facet].set(value, id);
    this.byFacet[facet].push(id);
    return id;
  }

  /** The value with id `id`. */
  valueOf(id: number): string {
    return this.entries[id]?.value ?? '';
  }

  /** Every id of `facet`'s values. */
  idsOf(facet: FacetName): readonly number[] {
    return this.byFacet[facet];
  }
}
