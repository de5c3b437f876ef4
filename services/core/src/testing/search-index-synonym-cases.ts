import { expect, it } from 'vitest';
import type { IndexResult, SearchIndex } from '../ports/search-index.js';
import { testDocument } from './fixtures.js';

/**
 * The synonym half of the SearchIndex contract, run on an index holding the contract's CORPUS.
 * The query words are chosen so that nothing in the corpus is within their typo or prefix reach:
 * whatever a query finds, it finds through a synonym.
 */
export function synonymCases(index: () => SearchIndex): void {
  const search = (q: string): Promise<IndexResult> => index().search({ q, filters: {}, offset: 0, limit: 20 });
  const names = (r: IndexResult) => r.hits.map((h) => h.document.name);
  const listenerDocs = ['listener-demographics', 'listener-profiles', 'play-events'];

  it('finds nothing for a word outside the corpus until a synonym group joins it to a corpus word', async () => {
    expect((await search('customer')).total).toBe(0);
    await index().setSynonyms([['customer', 'listener']]);
    const r = await search('customer');
    expect(names(r).sort()).toEqual(listenerDocs);
    expect(r.total).toBe(listenerDocs.length);
  });

  it('ranks documents holding the query itself above synonym hits, whatever field each is in, both ways', async () => {
    await index().setSynonyms([['customer', 'listener']]);
    // The query word only in the description, the synonym in the name and title of others.
    await index().upsert([testDocument('billing-ledger', { title: 'Billing ledger', description: 'Invoices of every customer.' })]);
    const byQuery = await search('customer');
    expect(names(byQuery)[0]).toBe('billing-ledger');
    expect(names(byQuery).slice(1).sort()).toEqual(listenerDocs);
    expect(byQuery.hits[1]?.relevance).toBeLessThan(byQuery.hits[0]?.relevance ?? 0);
    // Groups are mutual: the corpus word finds the other term too, below every direct hit.
    const byCorpusWord = await search('listener');
    expect(names(byCorpusWord).slice(0, 3).sort()).toEqual(listenerDocs);
    expect(names(byCorpusWord)[3]).toBe('billing-ledger');
    expect(byCorpusWord.total).toBe(4);
  });

  it('matches multi-word terms: a query holding the phrase, and a word whose synonym is a phrase', async () => {
    expect((await search('radio programme')).total).toBe(0);
    await index().setSynonyms([['radio programme', 'podcast']]);
    expect(names(await search('radio programme'))).toEqual(['podcast-demographics']);
    await index().upsert([testDocument('morning-shows', { title: 'Morning shows', description: 'Every radio programme of the morning.' })]);
    const r = await search('podcast');
    expect(names(r)).toEqual(['podcast-demographics', 'morning-shows']);
  });

  it('replaces every group on each call, and an empty list removes them', async () => {
    await index().setSynonyms([['customer', 'listener']]);
    expect((await search('customer')).total).toBe(listenerDocs.length);
    await index().setSynonyms([['client', 'listener'], ['vendor', 'artist']]);
    expect((await search('customer')).total).toBe(0);
    expect(names(await search('client')).sort()).toEqual(listenerDocs);
    expect(names(await search('vendor'))).toEqual(['artist-profiles']);
    await index().setSynonyms([]);
    expect((await search('client')).total).toBe(0);
    expect((await search('vendor')).total).toBe(0);
    expect(names(await search('listener')).sort()).toEqual(listenerDocs);
  });

  it('keeps relevance 1 for the exact name, IRI or title typed, never for a synonym of it', async () => {
    await index().setSynonyms([['gig log', 'play events']]);
    const r = await search('gig log');
    expect(names(r)).toEqual(['play-events']);
    expect(r.hits[0]?.relevance).toBeLessThan(1);
    const typed = await search('play events');
    expect(typed.hits[0]?.document.name).toBe('play-events');
    expect(typed.hits[0]?.relevance).toBe(1);
  });
}
