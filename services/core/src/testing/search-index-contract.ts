import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnavailableError } from '@quanta/model';
import type { IndexedRevision, IndexResult, SearchIndex, SearchRequest } from '../ports/search-index.js';
import { TEST_BASE, testDocument } from './fixtures.js';
import { CORPUS } from './search-corpus.js';
import { synonymCases } from './search-index-synonym-cases.js';

/** How the contract suite gets an index to test. */
export interface SearchIndexTarget {
  /** A fresh, empty index. */
  open(): Promise<SearchIndex>;
  /**
   * An index whose engine cannot be reached (any more), and a way to tidy up after it. Every
   * method but `close` must then reject with an UnavailableError.
   */
  unreachable(): Promise<{ readonly index: SearchIndex; readonly dispose: () => Promise<void> }>;
}

const iri = (name: string) => `${TEST_BASE}/${name}`;

/**
 * The SearchIndex contract: every adapter runs this suite (DESIGN.md §11).
 * @example runSearchIndexContract('EmbeddedSearchIndex', { open: async () => new EmbeddedSearchIndex(), unreachable: closedIndex });
 */
export function runSearchIndexContract(name: string, target: SearchIndexTarget): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    const search = (q: string, more: Partial<SearchRequest> = {}): Promise<IndexResult> =>
      index.search({ q, filters: {}, offset: 0, limit: 20, ...more });
    const names = (r: IndexResult) => r.hits.map((h) => h.document.name);

    beforeEach(async () => {
      index = await target.open();
      await index.upsert(CORPUS);
    });
    afterEach(async () => {
      await index.close();
    });

    it('returns relevance in [0, 1], in non-increasing order, and the stored documents', async () => {
      const r = await search('listener');
      expect(r.hits.length).toBeGreaterThan(0);
      for (const h of r.hits) {
        expect(h.relevance).toBeGreaterThanOrEqual(0);
        expect(h.relevance).toBeLessThanOrEqual(1);
      }
      const rel = r.hits.map((h) => h.relevance);
      expect(rel).toEqual([...rel].sort((a, b) => b - a));
      expect(r.hits.find((h) => h.document.name === 'listener-profiles')?.document).toEqual(CORPUS[0]);
    });

    it('ranks products that name the word above those that only mention it', async () => {
      const r = await search('listener');
      expect(names(r).slice(0, 2).sort()).toEqual(['listener-demographics', 'listener-profiles']);
      expect(names(r)).toContain('play-events');
    });

    it('tolerates one typo from 5 letters and two from 9, like Meilisearch', async () => {
      expect(names(await search('listner')).slice(0, 2).sort()).toEqual(['listener-demographics', 'listener-profiles']);
      expect(names(await search('lsitener'))).toContain('listener-profiles'); // transposition = 1 typo
      expect(names(await search('demografics'))).toContain('listener-demographics'); // 2 typos, 11 letters
      expect(names(await search('lisenr x'))).toEqual([]); // 2 typos in a 6-letter word: too many
    });

    it('allows no typo under 5 letters', async () => {
      expect((await search('plya x')).total).toBe(0);
      // "x" matches nothing, so it is dropped from the end (Meilisearch's "last" matching strategy)
      expect(names(await search('play x'))).toEqual(['play-events']);
    });

    it('matches the last word as a prefix, and other words whole', async () => {
      expect(names(await search('listener demo'))[0]).toBe('listener-demographics');
      expect(names(await search('demog'))).toEqual(expect.arrayContaining(['listener-demographics', 'podcast-demographics']));
      expect(names(await search('demog listener'))).toEqual([]);
    });

    it('ranks documents matching every word above those matching fewer', async () => {
      const r = await search('listener profiles');
      expect(names(r)[0]).toBe('listener-profiles');
      expect(names(r)).not.toContain('artist-profiles');
    });

    it('ranks an exact name, IRI or title first, with relevance 1', async () => {
      for (const q of ['play-events', iri('play-events'), 'Play events']) {
        const r = await search(q);
        expect(r.hits[0]?.document.name).toBe('play-events');
        expect(r.hits[0]?.relevance).toBe(1);
      }
      const near = await search('listener profile');
      expect(near.hits[0]?.relevance).toBeLessThan(1);
    });

    it('finds products by field names and is case and accent insensitive', async () => {
      expect(names(await search('churn'))).toEqual(['churn-scores']);
      expect(names(await search('SUBSCRIPTION_TIER'))).toEqual(['listener-profiles']);
      expect(names(await search('Démographics'))).toContain('listener-demographics');
    });

    it('counts facets over every match, not just the page', async () => {
      const r = await search('', { limit: 1 });
      expect(r.total).toBe(CORPUS.length);
      expect(r.hits).toHaveLength(1);
      expect(r.facets.domain).toEqual(expect.arrayContaining([{ value: 'listener', count: 2 }, { value: 'player', count: 1 }]));
      expect(r.facets.tag).toEqual(expect.arrayContaining([{ value: 'profiles', count: 2 }, { value: 'demographics', count: 2 }]));
      expect(r.facets.portKind).toEqual(expect.arrayContaining([{ value: 'table', count: 5 }, { value: 'api', count: 1 }]));
      expect(r.facets.status).toEqual(expect.arrayContaining([{ value: 'deprecated', count: 1 }, { value: 'active', count: 5 }]));
      expect(r.facets.owner.find((f) => f.value === 'listener-team')?.count).toBe(2);
      const counts = r.facets.domain.map((f) => f.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('filters: OR within a facet, AND across facets, facets counted after filtering', async () => {
      const one = await search('', { filters: { domain: ['listener'] } });
      expect(names(one).sort()).toEqual(['listener-demographics', 'listener-profiles']);
      expect(one.facets.domain).toEqual([{ value: 'listener', count: 2 }]);
      const either = await search('', { filters: { domain: ['listener', 'player'] } });
      expect(either.total).toBe(3);
      const both = await search('demographics', { filters: { tag: ['demographics'], status: ['active'] } });
      expect(names(both)).toEqual(['listener-demographics']);
      expect(names(await search('', { filters: { portKind: ['stream'] } }))).toEqual(['play-events']);
      expect(names(await search('', { filters: { owner: ['ml-team'] } }))).toEqual(['churn-scores']);
    });

    it('pages with offset and limit over a stable total', async () => {
      const all = await search('', { limit: 100 });
      const page = await search('', { offset: 2, limit: 2 });
      expect(page.total).toBe(all.total);
      expect(names(page)).toEqual(names(all).slice(2, 4));
    });

    it('replaces a document on upsert and forgets it on remove', async () => {
      await index.upsert([{ ...(CORPUS[3] as (typeof CORPUS)[number]), title: 'Musician biographies', revision: 2 }]);
      expect(names(await search('musician'))).toEqual(['artist-profiles']);
      expect((await search('musician')).hits[0]?.document.revision).toBe(2);
      expect(await index.count()).toBe(CORPUS.length);
      await index.remove([iri('artist-profiles'), iri('never-there')]);
      expect(names(await search('musician'))).toEqual([]);
      expect(await index.count()).toBe(CORPUS.length - 1);
    });

    it('never lets an older revision replace a newer one', async () => {
      await index.upsert([{ ...(CORPUS[3] as (typeof CORPUS)[number]), title: 'Musician biographies', revision: 3 }]);
      await index.upsert([{ ...(CORPUS[3] as (typeof CORPUS)[number]), title: 'Stale title', revision: 2 }]);
      expect(names(await search('musician'))).toEqual(['artist-profiles']);
      expect((await search('stale')).total).toBe(0);
    });

    it('forgets the old words and facet values of a replaced document', async () => {
      await index.upsert([{ ...(CORPUS[5] as (typeof CORPUS)[number]), description: 'Renamed.', fieldNames: [], domain: 'retention', revision: 2 }]);
      expect((await search('weekly')).total).toBe(0);
      expect((await search('probability')).total).toBe(0);
      const facets = (await search('', { limit: 100 })).facets.domain;
      expect(facets.map((f) => f.value)).not.toContain('recommendations');
      expect(facets).toContainEqual({ value: 'retention', count: 1 });
    });

    it('draws the typo boundaries at exactly 5 and 9 letters', async () => {
      await index.upsert([
        testDocument('words', { description: 'spire guitar phonogram' }),
      ]);
      expect((await search('spir x')).total).toBe(0); // 4 letters: prefix, but no typo ("spir" ≠ "spire" whole)
      expect(names(await search('spyre'))).toContain('words'); // 5 letters: one typo
      expect((await search('gutiarr')).total).toBe(0); // 7 letters, two typos: too many
      expect(names(await search('phomogrem'))).toContain('words'); // 9 letters: two typos
      expect((await search('fonogram')).total).toBe(0); // 8 letters, two typos: too many
    });

    /** Every held document's IRI and revision, read `pageSize` at a time. */
    const allRevisions = async (pageSize: number): Promise<IndexedRevision[]> => {
      const all: IndexedRevision[] = [];
      for (let offset = 0; ; offset += pageSize) {
        const page = await index.indexedRevisions(offset, pageSize);
        expect(page.length).toBeLessThanOrEqual(pageSize);
        all.push(...page);
        if (page.length < pageSize) return all;
      }
    };
    const byIri = (revisions: readonly IndexedRevision[]) => [...revisions].sort((a, b) => (a.iri < b.iri ? -1 : 1));

    it('pages through the IRIs and revisions of every document exactly once, in a stable order', async () => {
      await index.upsert([{ ...(CORPUS[3] as (typeof CORPUS)[number]), revision: 4 }]);
      const expected = byIri(CORPUS.map((d) => ({ iri: d.iri, revision: d.name === 'artist-profiles' ? 4 : 1 })));
      const paged = await allRevisions(4);
      expect(paged).toHaveLength(CORPUS.length);
      expect(byIri(paged)).toEqual(expected);
      expect(await allRevisions(1)).toEqual(paged);
      expect(await index.indexedRevisions(2, 3)).toEqual(paged.slice(2, 5));
      expect(await index.indexedRevisions(CORPUS.length, 10)).toEqual([]);
    });

    it('lists what upserts and removes left, and nothing after clear', async () => {
      await index.upsert([testDocument('late-arrival', { revision: 7 })]);
      await index.remove([iri('churn-scores')]);
      const revisions = byIri(await allRevisions(100));
      expect(revisions.map((r) => r.iri)).toEqual(byIri([...CORPUS, testDocument('late-arrival')].filter((d) => d.name !== 'churn-scores')).map((d) => d.iri));
      expect(revisions.find((r) => r.iri === iri('late-arrival'))?.revision).toBe(7);
      await index.clear();
      expect(await index.indexedRevisions(0, 10)).toEqual([]);
    });

    it('takes a rebuild-sized upsert in one call, keeping the newer of two revisions', async () => {
      // A reindex writes thousands at once: an adapter that reads the held revisions first must not choke on the batch's size.
      const bulk = Array.from({ length: 2500 }, (_, k) => testDocument(`bulk-${String(k).padStart(4, '0')}`, { revision: 2 }));
      await index.upsert(bulk);
      await index.upsert([...bulk.slice(0, 300).map((d) => ({ ...d, revision: 1, title: 'older' })), testDocument('bulk-extra')]);
      expect(await index.count()).toBe(CORPUS.length + bulk.length + 1);
      const [hit] = (await search('bulk-0007')).hits;
      expect(hit?.document).toMatchObject({ name: 'bulk-0007', revision: 2, title: 'bulk 0007' });
    });

    synonymCases(() => index);

    it('rejects every call with an UnavailableError when the engine cannot be reached', async () => {
      const { index: lost, dispose } = await target.unreachable();
      const calls: [string, () => Promise<unknown>][] = [
        ['upsert', () => lost.upsert([testDocument('unsaved')])],
        ['remove', () => lost.remove([iri('play-events')])],
        ['search', () => lost.search({ q: 'listener', filters: {}, offset: 0, limit: 5 })],
        ['indexedRevisions', () => lost.indexedRevisions(0, 10)],
        ['setSynonyms', () => lost.setSynonyms([['customer', 'listener']])],
        ['count', () => lost.count()],
        ['clear', () => lost.clear()],
        ['ping', () => lost.ping()],
      ];
      try {
        for (const [method, call] of calls) expect(await call().then(() => 'resolved', (e: unknown) => e), method).toBeInstanceOf(UnavailableError);
      } finally {
        await dispose();
      }
    });

    it('empties on clear and answers ping', async () => {
      await index.clear();
      expect(await index.count()).toBe(0);
      expect((await search('listener')).total).toBe(0);
      await expect(index.ping()).resolves.toBeUndefined();
    });
  });
}
