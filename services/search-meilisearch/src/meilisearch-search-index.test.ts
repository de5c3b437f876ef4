import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { runSearchIndexContract, testDocument } from '@quanta/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { MeilisearchSearchIndex } from './index.js';
import { startTcpRelay } from './testing/tcp-relay.js';

// The contract on a real Meilisearch, wherever one is reachable (MEILI_URL, MEILI_API_KEY). Each
// test gets an index of its own, so runs never see each other's documents; they are deleted at
// the end, since the engine may be shared.
const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY;
if (!url) console.warn('MeilisearchSearchIndex contract skipped: MEILI_URL is not set (no Meilisearch server reachable here); the contract runs on the embedded engine');

const created: string[] = [];
function open(at: string, index = `contract-${randomUUID()}`): Promise<MeilisearchSearchIndex> {
  created.push(index);
  return MeilisearchSearchIndex.open({ url: at, apiKey, index });
}

describe.skipIf(!url)('on a real Meilisearch', () => {
  afterAll(async () => {
    const client = new Meilisearch({ host: url as string, ...(apiKey !== undefined && { apiKey }) });
    await Promise.all(created.map((uid) => client.deleteIndex(uid).waitTask()));
  });

  runSearchIndexContract('MeilisearchSearchIndex', {
    open: () => open(url as string),
    // Opened through a relay that is then cut: the engine stays up for everyone else.
    unreachable: async () => {
      const relay = await startTcpRelay(url as string);
      const index = await open(relay.url);
      await relay.cut();
      return { index, dispose: () => index.close() };
    },
  });

  it('keeps the synonyms in force when the index is opened again: the settings applied at open leave them be', async () => {
    const uid = `contract-${randomUUID()}`;
    const first = await open(url as string, uid);
    await first.upsert([testDocument('listener-profiles', { title: 'Listener profiles' })]);
    await first.setSynonyms([['customer', 'listener']]);
    await first.close();
    const again = await open(url as string, uid);
    const found = await again.search({ q: 'customer', filters: {}, offset: 0, limit: 5 });
    expect(found.hits.map((h) => h.document.name)).toEqual(['listener-profiles']);
    await again.close();
  });

  it('creates its index again, with its settings, when the index vanished under it (deleted, or the engine restarted empty)', async () => {
    const uid = `contract-${randomUUID()}`;
    const index = await open(url as string, uid);
    await index.upsert([testDocument('listener-profiles', { title: 'Listener profiles' })]);
    const client = new Meilisearch({ host: url as string, ...(apiKey !== undefined && { apiKey }) });
    await client.deleteIndex(uid).waitTask();
    // The first write finds the index gone: unavailable for now (the projector retries), not a bug.
    await expect(index.upsert([testDocument('play-events')])).rejects.toMatchObject({ kind: 'unavailable' });
    await index.upsert([testDocument('play-events', { title: 'Play events' })]);
    expect(await index.count()).toBe(1);
    const found = await index.search({ q: 'play-events', filters: {}, offset: 0, limit: 1 });
    expect(found.hits[0]).toMatchObject({ relevance: 1, document: { name: 'play-events' } }); // the exact-name rule needs the settings back
    expect((await client.index(uid).getSettings()).filterableAttributes).toContain('exact');
    await index.close();
  });
});
