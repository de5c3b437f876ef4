import { runSearchIndexContract } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { EmbeddedSearchIndex, createEmbeddedSearchIndex } from './index.js';

runSearchIndexContract('EmbeddedSearchIndex', {
  open: async () => new EmbeddedSearchIndex(),
  // In process, the engine is never out of reach; a closed index is its one way to be gone.
  unreachable: async () => {
    const index = new EmbeddedSearchIndex();
    await index.close();
    return { index, dispose: async () => undefined };
  },
});

describe('EmbeddedSearchIndex lifecycle', () => {
  it('rejects every call once closed, ping included', async () => {
    const index = createEmbeddedSearchIndex();
    await index.close();
    await expect(index.ping()).rejects.toThrow(/closed/);
    await expect(index.search({ q: '', filters: {}, offset: 0, limit: 10 })).rejects.toThrow(/closed/);
  });
});
