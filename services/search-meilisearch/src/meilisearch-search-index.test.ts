import { randomUUID } from 'node:crypto';
import { runSearchIndexContract } from '@quanta/core/testing';
import { describe } from 'vitest';
import { MeilisearchSearchIndex } from './index.js';

// The contract on a real Meilisearch, wherever one is reachable (MEILI_URL, MEILI_API_KEY). Each
// test gets an index of its own, so runs never see each other's documents.
const url = process.env.MEILI_URL;
if (!url) console.warn('MeilisearchSearchIndex contract skipped: MEILI_URL is not set (no Meilisearch server reachable here); the contract runs on the embedded engine');

describe.skipIf(!url)('on a real Meilisearch', () => {
  runSearchIndexContract('MeilisearchSearchIndex', {
    open: () => MeilisearchSearchIndex.open({ url: url as string, apiKey: process.env.MEILI_API_KEY, index: `contract-${randomUUID()}` }),
  });
});
