'use client';

import { useEffect, useRef, useState } from 'react';
import { searchVariables } from '@/lib/gateway/documents';
import type { SearchQuery, SearchView } from '@/lib/gateway/types';
import { Facets } from './facets';
import { groupHits } from './group-hits';
import { HitCard } from './hit-card';
import { searchHref } from './search-href';

/** How long typing pauses before results follow: one request per burst of keys, not per key. */
const DEBOUNCE_MS = 120;
/** How long the query must rest before it counts as searched (impressions, exploration slot). */
const SETTLE_MS = 1_000;

/**
 * Search-as-you-type. The first results are server-rendered; typing then asks the supergraph
 * straight from the browser (the UI's `/graphql` route, which runs the Search document only), not
 * through a page render, and keeps the address bar in step so a search can be shared. Prefixes
 * are asked as not yet searched; once the query rests for a second it is asked once more as
 * searched, so the ranking learns from what people settle on, not from every keystroke.
 */
export function Search({ initial, query, unavailable = false }: { initial: SearchView; query: SearchQuery; unavailable?: boolean }) {
  const [q, setQ] = useState(query.q);
  const [result, setResult] = useState(initial);
  const [state, setState] = useState<'idle' | 'loading' | 'error' | 'unavailable'>(unavailable ? 'unavailable' : 'idle');
  // The query whose results are shown, and the last one asked as searched.
  const shown = useRef(query.q);
  const settled = useRef(query.q);

  useEffect(() => {
    if (q === shown.current && q === settled.current) return;
    const controller = new AbortController();
    const ask = async (searched: boolean) => {
      setState('loading');
      try {
        const next = { ...query, q };
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ variables: searchVariables(next, searched) }),
          signal: controller.signal,
        });
        const body = (await response.json()) as { data?: { search: SearchView }; errors?: { extensions?: { code?: string } }[] };
        if (controller.signal.aborted) return; // the person typed on, or left the page
        if (body.errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')) return setState('unavailable');
        if (!body.data) throw new Error('search failed');
        setResult(body.data.search);
        setState('idle');
        shown.current = q;
        window.history.replaceState(null, '', searchHref(next));
        if (searched) settled.current = q;
      } catch (err) {
        if (!controller.signal.aborted && (err as Error).name !== 'AbortError') setState('error');
      }
    };
    const typing = q !== shown.current ? setTimeout(() => void ask(false), DEBOUNCE_MS) : undefined;
    const resting = q.trim() && q !== settled.current ? setTimeout(() => void ask(true), SETTLE_MS) : undefined;
    return () => {
      clearTimeout(typing);
      clearTimeout(resting);
      controller.abort();
    };
  }, [q, query]);

  const groups = groupHits(result.hits);
  return (
    <div className="search-layout">
      <Facets facets={result.facets} query={{ ...query, q }} />
      <section aria-labelledby="results-heading">
        <form role="search" className="searchbox" action="/" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="q" className="visually-hidden">
            Search data products
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search data products: listeners, royalties, churn…"
            autoComplete="off"
            // The bare search page is for typing; a page opened on results leaves focus where the reader starts.
            autoFocus={query.q === ''}
          />
        </form>
        {state === 'unavailable' && (
          <p className="panel" role="alert" data-testid="search-unavailable">
            Search is unavailable for a moment: the search engine is not answering. Registered products are safe and will be found as soon as it is back. Keep typing, or reload, to try again.
          </p>
        )}
        <h1 id="results-heading" className="small muted" aria-live="polite">
          {state === 'error'
            ? 'Search failed; keep typing to retry.'
            : state === 'unavailable'
              ? 'Search unavailable'
            : `${result.total} product${result.total === 1 ? '' : 's'}${result.query ? ` for “${result.query}”` : ''}${state === 'loading' ? ' · searching…' : ''}`}
        </h1>
        {state === 'unavailable' && groups.length === 0 ? null : groups.length === 0 ? (
          <p className="panel" data-testid="no-results">
            No data product matches. Try fewer words, or another name for the same thing.
          </p>
        ) : (
          <ol className="hits" data-testid="results">
            {groups.map((g) => (
              <HitCard key={g.hit.product.iri} hit={g.hit} similar={g.similar} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
