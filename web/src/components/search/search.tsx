'use client';

import { useEffect, useRef, useState } from 'react';
import { SEARCH, searchVariables } from '@/lib/gateway/documents';
import type { SearchQuery, SearchView } from '@/lib/gateway/types';
import { Facets } from './facets';
import { groupHits } from './group-hits';
import { HitCard } from './hit-card';
import { searchHref } from './search-href';

/** How long typing pauses before a search is sent: one request per burst of keys, not per key. */
const DEBOUNCE_MS = 120;

/**
 * Search-as-you-type. The first results are server-rendered; typing then asks the supergraph
 * straight from the browser (through the UI's `/graphql` pass-through), not through a page render,
 * and keeps the address bar in step so a search can be shared.
 */
export function Search({ initial, query }: { initial: SearchView; query: SearchQuery }) {
  const [q, setQ] = useState(query.q);
  const [result, setResult] = useState(initial);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const inflight = useRef<AbortController | null>(null);

  useEffect(() => {
    if (q === result.query) return;
    const timer = setTimeout(async () => {
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      setState('loading');
      try {
        const next = { ...query, q };
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: SEARCH, variables: searchVariables(next) }),
          signal: controller.signal,
        });
        const body = (await response.json()) as { data?: { search: SearchView }; errors?: unknown[] };
        if (!body.data) throw new Error('search failed');
        setResult(body.data.search);
        setState('idle');
        window.history.replaceState(null, '', searchHref(next));
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setState('error');
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, query, result.query]);

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
            autoFocus
          />
        </form>
        <h1 id="results-heading" className="small muted" aria-live="polite">
          {state === 'error'
            ? 'Search failed; keep typing to retry.'
            : `${result.total} product${result.total === 1 ? '' : 's'}${result.query ? ` for “${result.query}”` : ''}${state === 'loading' ? ' · searching…' : ''}`}
        </h1>
        {groups.length === 0 ? (
          <p className="panel" data-testid="no-results">No data product matches. Try fewer words, or another name for the same thing.</p>
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
