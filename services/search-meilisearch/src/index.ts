/**
 * @module
 * The production search engine: `MeilisearchSearchIndex`, the SearchIndex port on Meilisearch
 * (`QUANTA_SEARCH=meilisearch`, `MEILI_URL`, `MEILI_API_KEY`).
 */
export { MeilisearchSearchIndex, type MeilisearchOptions } from './meilisearch-search-index.js';
