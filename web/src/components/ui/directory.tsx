import Link from 'next/link';

/** Search facets name at most this many values (Meilisearch's `maxValuesPerFacet`, and the embedded engine's). */
const FACET_VALUES = 100;

/** A list of named things (domains, owner teams) with how many products each has, each a link to its page. */
export function Directory({ entries, href, testid }: { entries: readonly { value: string; count: number }[]; href: (name: string) => string; testid: string }) {
  return (
    <>
      {entries.length >= FACET_VALUES && <p className="notice">The {FACET_VALUES} with the most live products; search finds the others.</p>}
      <ul className="panel" data-testid={testid}>
        {entries.map((e) => (
          <li key={e.value}>
            <Link href={href(e.value)}>{e.value}</Link> <span className="muted small">{e.count} products</span>
          </li>
        ))}
      </ul>
    </>
  );
}
