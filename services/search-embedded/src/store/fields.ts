import type { SearchDocument } from '@quanta/core';

/** A searchable field: where its text comes from and how much a match in it is worth. */
export interface SearchableField {
  readonly name: string;
  /** In (0, 1]; the attribute ranking rule: a match in a heavier field ranks higher. */
  readonly weight: number;
  readonly text: (document: SearchDocument) => readonly string[];
}

/**
 * The searchable fields, heaviest first. Each gets one bit of a posting's field mask, so there
 * can be at most eight. The IRI is not tokenised: its scheme and host would match every product;
 * it is found whole through the exact-match keys instead.
 */
export const SEARCHABLE_FIELDS: readonly SearchableField[] = [
  { name: 'name', weight: 1, text: (d) => [d.name] },
  { name: 'title', weight: 1, text: (d) => [d.title] },
  { name: 'tags', weight: 0.85, text: (d) => d.tags },
  { name: 'concepts', weight: 0.8, text: (d) => d.concepts },
  { name: 'domain', weight: 0.75, text: (d) => [d.domain] },
  { name: 'fieldNames', weight: 0.7, text: (d) => d.fieldNames },
  { name: 'owner', weight: 0.6, text: (d) => [d.owner] },
  { name: 'description', weight: 0.5, text: (d) => [d.description] },
];

/**
 * Weight of the heaviest field in each possible field mask (index = mask), so scoring a posting
 * is one table lookup instead of a loop over its bits.
 */
export const BEST_FIELD_WEIGHT: Float64Array = buildBestWeightTable();

function buildBestWeightTable(): Float64Array {
  const table = new Float64Array(1 << SEARCHABLE_FIELDS.length);
  for (let mask = 1; mask < table.length; mask++) {
    let best = 0;
    SEARCHABLE_FIELDS.forEach((field, bit) => {
      if (mask & (1 << bit)) best = Math.max(best, field.weight);
    });
    table[mask] = best;
  }
  return table;
}
