import { runSearchIndexContract } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { EmbeddedSearchIndex, createEmbeddedSearchIndex } from './index.js';

runSearchIndexContract('EmbeddedSearchIndex', { open: async () => new EmbeddedSearchIndex() });

describe('EmbeddedSearchIndex lifecycle', () => {
  it('rejects every call once closed, ping included', async () => {
    const index = createEmbeddedSearchIndex();
    await index.close();
    await expect(index.ping()).rejects.toThrow(/closed/);
    await expect(index.search({ q: '', filters: {}, offset: 0, limit: 10 })).rejects.toThrow(/closed/);
  });
});
