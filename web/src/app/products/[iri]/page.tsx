import type { Metadata } from 'next';
import Link from 'next/link';
import { Prose } from '@/components/ui/prose';
import { notFound } from 'next/navigation';
import { Duplicates } from '@/components/product/duplicates';
import { EntityDiagram } from '@/components/product/entity-diagram';
import { Factors } from '@/components/product/factors';
import { Lineage } from '@/components/product/lineage';
import { Ports } from '@/components/product/ports';
import { RatePanel } from '@/components/product/rate-panel';
import { Ratings } from '@/components/product/ratings';
import { Slos } from '@/components/product/slos';
import { SloChart } from '@/components/product/slo-chart';
import { UsagePanel } from '@/components/product/usage-panel';
import { UsageRefused } from '@/components/report/usage-refused';
import { Revisions } from '@/components/product/revisions';
import { StatusBadge } from '@/components/ui/status-badge';
import { DEFAULT_LINEAGE_DEPTH, getProduct, similarProducts } from '@/lib/gateway/queries/product';
import { productUsage } from '@/lib/gateway/queries/reports';
import { conceptHref, domainHref, fromSegment, ownerHref, productHref, productJsonLdHref } from '@/lib/links';
import { formatDate, shortIri, sloState } from '@/lib/format';
import { viewer } from '@/lib/session';

interface Props {
  readonly params: Promise<{ iri: string }>;
  readonly searchParams: Promise<{ depth?: string }>;
}

/** The lineage depths a page offers: more hops than five draw a graph too big to read. */
const DEPTHS: readonly number[] = [1, 2, 3, 5];
const depthOf = (raw: string | undefined) => (DEPTHS.includes(Number(raw)) ? Number(raw) : DEFAULT_LINEAGE_DEPTH);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: shortIri(fromSegment((await params).iri)) };
}

/** A data product: what it offers, how it serves its consumers, where its data comes from and goes. */
export default async function ProductPage({ params, searchParams }: Props) {
  const iri = fromSegment((await params).iri);
  const depth = depthOf((await searchParams).depth);
  const product = await getProduct(iri, depth);
  if (!product) notFound();
  const [usage, similar, who] = await Promise.all([productUsage(product.iri, product.owner.name), similarProducts(product), viewer()]);
  const slo = sloState(product.sloStatus);
  const docs = product.links.filter((l) => l.name !== 'successor');
  const successor = product.links.find((l) => l.name === 'successor');

  return (
    <article data-testid="product-page">
      <div className="product-head">
        <div>
          <h1>{product.title}</h1>
          <div className="byline">
            <StatusBadge status={product.status} />
            <span className={`badge ${slo.tone}`}>{slo.label}</span>
            {product.flaggedForRetirement && <span className="badge warn">flagged for retirement</span>}
            <span>
              owner <Link href={ownerHref(product.owner.name)}>{product.owner.name}</Link>
              {product.owner.contact && (
                <>
                  {' '}
                  (<a href={product.owner.contact}>{product.owner.contact.replace(/^mailto:/, '')}</a>)
                </>
              )}
            </span>
            <span>
              domain <Link href={domainHref(product.domain.name)}>{product.domain.name}</Link>
            </span>
            {product.version && <span>version {product.version}</span>}
          </div>
        </div>
        <a className="button secondary" href={productJsonLdHref(product.iri)}>
          JSON-LD
        </a>
      </div>
      {successor && (
        <p className="notice">
          Deprecated in favour of <Link href={productHref(successor.iri)}>{shortIri(successor.iri)}</Link>.
        </p>
      )}
      {product.description && <Prose text={product.description} />}
      <p className="small muted">
        <code>{product.iri}</code>
      </p>
      {(docs.length > 0 || product.tags.length > 0 || product.concepts.length > 0) && (
        <div className="byline">
          {docs.map((l) => (
            <a key={l.name} href={l.iri} rel="noreferrer">
              {l.name}
            </a>
          ))}
          {product.tags.map((t) => (
            <Link key={t} className="badge" href={`/?tag=${encodeURIComponent(t)}`}>
              #{t}
            </Link>
          ))}
          {product.concepts.map((c) => (
            <Link key={c} href={conceptHref(c)} className="badge">
              {shortIri(c)}
            </Link>
          ))}
        </div>
      )}

      <div className="grid stats" style={{ margin: '1rem 0' }}>
        <div className="stat">
          <b>{product.usage?.consumers ?? 0}</b> consumers
        </div>
        <div className="stat">
          <b>{product.ratings.length}</b> ratings
        </div>
        <div className="stat">
          <b>{product.upstream.length}</b> upstream · <b style={{ display: 'inline' }}>{product.downstream.length}</b> downstream
        </div>
        <div className="stat">
          <b>r{product.revision}</b> updated {formatDate(product.updatedAt)}
        </div>
      </div>

      <section className="panel" id="lineage" aria-labelledby="lineage-h">
        <h2 id="lineage-h">Lineage</h2>
        <Lineage product={product} depth={depth} />
      </section>
      <div className="grid two">
        <section className="panel" aria-labelledby="ranking-h">
          <h2 id="ranking-h">How it ranks</h2>
          <Factors factors={product.factors} score={product.feedbackScore} />
        </section>
        <section className="panel" aria-labelledby="dup-h">
          <h2 id="dup-h">Similar and duplicate products</h2>
          <Duplicates group={product.duplicateGroup} self={product.iri} similar={similar} />
        </section>
      </div>
      <section className="panel" aria-labelledby="ports-h">
        <h2 id="ports-h">Output ports</h2>
        <Ports ports={product.outputPorts} />
      </section>
      <section className="panel" aria-labelledby="model-h">
        <h2 id="model-h">Semantic model</h2>
        <EntityDiagram model={product.semanticModel} />
      </section>
      <section className="panel" aria-labelledby="slo-h">
        <h2 id="slo-h">Service levels</h2>
        <Slos ports={product.outputPorts} status={product.sloStatus} />
        {usage.ok && usage.value && <SloChart guarantees={usage.value.slo.guarantees} />}
      </section>
      <section className="panel" aria-labelledby="usage-h">
        <h2 id="usage-h">Usage</h2>
        {usage.ok ? <UsagePanel usage={usage.value} /> : <UsageRefused team={product.owner.name} next={productHref(product.iri)} reason={usage.refused} />}
      </section>
      <section className="panel" id="ratings" aria-labelledby="ratings-h">
        <h2 id="ratings-h">Ratings</h2>
        <Ratings ratings={product.ratings} />
        <RatePanel product={product.iri} ratings={product.ratings} viewer={who} />
      </section>
      <section className="panel" aria-labelledby="rev-h">
        <h2 id="rev-h">History</h2>
        <Revisions revisions={product.revisions} createdAt={product.createdAt} />
      </section>
    </article>
  );
}
