import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatusBadge } from '@/components/ui/status-badge';
import { conceptProducts, type ConceptView } from '@/lib/gateway/queries/concept';
import { domainHref, fromSegment, ownerHref, productHref } from '@/lib/links';
import { shortIri } from '@/lib/format';

interface Props {
  readonly params: Promise<{ iri: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: shortIri(fromSegment((await params).iri)) };
}

/** "Everything that speaks about Listener": the products about a concept or one declared the same. */
export default async function ConceptPage({ params }: Props) {
  const iri = fromSegment((await params).iri);
  const found = await conceptProducts(iri);
  if (!found) notFound();
  const byDomain = new Map<string, ConceptView['products'][number][]>();
  for (const p of found.products) byDomain.set(p.domain.name, [...(byDomain.get(p.domain.name) ?? []), p]);
  return (
    <>
      <h1>Everything that speaks about {found.concept.label || shortIri(iri)}</h1>
      <p className="small muted">
        <code>{found.concept.iri}</code>
      </p>
      {found.equivalents.length > 0 && (
        <p className="small">
          Counted as the same concept (owl:sameAs, skos:exactMatch):{' '}
          {found.equivalents.map((e, i) => (
            <span key={e.iri}>
              {i > 0 && ', '}
              <code title={e.iri}>{e.label || shortIri(e.iri)}</code>
            </span>
          ))}
        </p>
      )}
      <p>
        {found.products.length} product{found.products.length === 1 ? '' : 's'} in {byDomain.size} domain{byDomain.size === 1 ? '' : 's'}
        {found.truncated && ' (the list was cut short: the concept is very widely used)'}.
      </p>
      {[...byDomain.entries()].map(([domain, products]) => (
        <section key={domain} className="panel" aria-label={`Domain ${domain}`}>
          <h2>
            <Link href={domainHref(domain)}>{domain}</Link>
          </h2>
          <ul data-testid="concept-products">
            {products.map((p) => (
              <li key={p.iri}>
                <Link href={productHref(p.iri)}>{p.title}</Link> <StatusBadge status={p.status} />{' '}
                <span className="muted small">
                  owner <Link href={ownerHref(p.owner.name)}>{p.owner.name}</Link>
                </span>
                {p.description && <div className="small">{p.description.slice(0, 220)}{p.description.length > 220 ? '…' : ''}</div>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
