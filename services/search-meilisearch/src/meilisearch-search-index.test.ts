import { randomUUID } from 'node:crypto';
import { runSearchIndexContract } from '@quanta/core/testing';
import { describe, it } from 'vitest';
import { MeilisearchSearchIndex } from './index.js';

// The contract on a real Meilisearch, wherever one is reachable (MEILI_URL, MEILI_API_KEY). Each
// test gets an index of its own, so runs never see each other's documents.
const url = process.env.MEILI_URL;
if (url) {
  runSearchIndexContract('MeilisearchSearchIndex', {
    open: () => MeilisearchSearchIndex.open({ url, apiKey: process.env.MEILI_API_KEY, index: `contract-${randomUUID()}` }),
  });
} else {
  console.warn('MEILI_URL is not set: the SearchIndex contract runs on the embedded engine only (no Meilisearch server reachable here)');
  describe('MeilisearchSearchIndex', () => {
    it.skip('runs the SearchIndex contract when MEILI_URL names a reachable Meilisearch', () => undefined);
  });
}
