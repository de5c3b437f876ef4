import type { Settings } from 'meilisearch';

/** Facet names (`FACETS` in @quanta/model) as the document attributes that hold them. */
export const FACET_ATTRIBUTES = { domain: 'domain', owner: 'owner', tag: 'tags', status: 'status', portKind: 'portKinds' } as const;

/** Values counted per facet, as the embedded engine's default. */
export const MAX_VALUES_PER_FACET = 100;

/**
 * The index settings, applied at every start (Meilisearch makes an unchanged setting a no-op).
 * They leave the synonyms out: a settings update changes only what it names, so the synonyms the
 * projection last set survive a restart until `setSynonyms` replaces them.
 *
 * Searchable attributes in priority order: what a product is called before what it says, so a
 * product that names the word ranks above one that only mentions it. Typo tolerance as the
 * contract fixes it (Meilisearch's defaults: one typo from 5 letters, two from 9). Ranking rules
 * are Meilisearch's defaults with `exactness` moved up before `proximity` and `attributeRank`: a
 * synonym counts as no typo there, so without it a synonym in a title would outrank the very word
 * typed in a description, which the port forbids.
 */
export const SETTINGS: Settings = {
  rankingRules: ['words', 'typo', 'exactness', 'proximity', 'attributeRank', 'sort', 'wordPosition'],
  searchableAttributes: ['name', 'title', 'concepts', 'fieldNames', 'tags', 'description', 'iri'],
  filterableAttributes: ['id', 'exact', ...Object.values(FACET_ATTRIBUTES)],
  sortableAttributes: ['updatedAt'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 100_000 },
};
