/**
 * @module
 * The embedded SearchIndex: typo tolerant, prefix matching, faceted full-text search with
 * synonyms, held in process, the default search backend (DESIGN.md §2). Passes
 * `runSearchIndexContract`.
 */
export { EmbeddedSearchIndex, createEmbeddedSearchIndex, type EmbeddedSearchIndexOptions } from './embedded-search-index.js';
