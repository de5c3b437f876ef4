import Link from 'next/link';
import type { FacetView, SearchQuery } from '@/lib/gateway/types';
import { searchHref } from './search-href';

const FILTERS = ['domain', 'owner', 'status', 'tag'] as const;
type Filter = (typeof FILTERS)[number];
const LABEL: Record<Filter, string> = { domain: 'Domain', owner: 'Owner', status: 'Status', tag: 'Tag' };

/** Facet counts as filter links; the active value links back to the unfiltered search. */
export function Facets({ facets, query }: { facets: readonly FacetView[]; query: SearchQuery }) {
  return (
    <aside className="facets" aria-label="Filters">
      {FILTERS.map((name) => {
        const facet = facets.find((f) => f.name === name);
        if (!facet?.values.length) return null;
        return (
          <section key={name}>
            <h3>{LABEL[name]}</h3>
            <ul>
              {facet.values.slice(0, 12).map((v) => {
                const active = query[name] === v.value;
                return (
                  <li key={v.value}>
                    <Link href={searchHref({ ...query, [name]: active ? undefined : v.value })} aria-current={active ? 'true' : undefined}>
                      <span>{v.value}</span> <span className="muted">{v.count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
