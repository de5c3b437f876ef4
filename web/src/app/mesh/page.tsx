import Link from 'next/link';
import { TrendChart } from '@/components/chart/trend-chart';
import { drawGraph } from '@/components/graph/draw';
import { GraphSvg } from '@/components/graph/graph-svg';
import { meshReport, productNetwork } from '@/lib/gateway/queries/mesh';
import { ProductNetwork } from '@/components/report/product-network';
import { domainHref, productHref } from '@/lib/links';
import { formatDay, percent } from '@/lib/format';

export const metadata = { title: 'Mesh' };

/** Products drawn one by one up to this many; a larger mesh is shown by its domains only. */
const NETWORK_LIMIT = 150;

/** The mesh for governance: domains as a network, interconnections week by week, god products, the loop's health. */
export default async function MeshPage() {
  const [{ report, domains }, products] = await Promise.all([meshReport(), productNetwork(NETWORK_LIMIT)]);
  const network = await drawGraph(
    domains.map((d) => ({ id: d.value, title: d.value, subtitle: `${d.count} products`, href: domainHref(d.value) })),
    report.domainLinks.map((l) => ({ id: `${l.from} ${l.to}`, source: l.from, target: l.to, label: `${l.links}` })),
  );
  const weeks = report.weeks.map((w) => ({ label: formatDay(w.to), links: w.activeLinks, consumers: w.consumers, domainLinks: w.domainLinks, crossDomain: w.crossDomainShare }));
  const loop = report.loopHealth.weeks.map((w) => ({ label: formatDay(w.to), flagged: w.flagged, unflagged: w.unflagged, retired: w.retired }));
  return (
    <>
      <h1>The mesh</h1>
      <div className="grid stats" style={{ marginBottom: '1rem' }}>
        <div className="stat">
          <b>{report.size.products}</b> products
        </div>
        <div className="stat">
          <b>{report.size.domains}</b> domains
        </div>
        <div className="stat">
          <b>{report.size.teams}</b> teams
        </div>
        <div className="stat">
          <b>{report.size.productLinks}</b> product links
        </div>
      </div>
      <section className="panel" aria-labelledby="net-h">
        <h2 id="net-h">Domains and how their products connect</h2>
        <GraphSvg graph={network} label="Domains as a network: an arrow from one domain to another counts the product links between them" />
        <p className="legend">An arrow runs from the domain whose products are read to the domain that reads them; its number counts product links.</p>
      </section>
      <section className="panel" aria-labelledby="products-net-h">
        <h2 id="products-net-h">Products and their lineage</h2>
        {products ? (
          <ProductNetwork products={products} domains={domains.map((d) => d.value)} />
        ) : (
          <p className="muted">More than {NETWORK_LIMIT} products: too many to draw one by one. The domain network above stands for them.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="weeks-h">
        <h2 id="weeks-h">Interconnections over time</h2>
        <TrendChart
          data={weeks}
          series={[
            { key: 'links', label: 'active product links', color: '#0072B2' },
            { key: 'consumers', label: 'consumers', color: '#E69F00' },
            { key: 'domainLinks', label: 'domain links', color: '#009E73' },
            { key: 'crossDomain', label: 'cross-domain share', color: '#CC79A7', right: true },
          ]}
          label={`Week by week, ending: ${weeks.map((w) => `${w.label}: ${w.links} active product links, ${w.consumers} consumers, ${w.domainLinks} domain links, ${percent(w.crossDomain)} cross-domain`).join('; ')}`}
        />
      </section>
      <div className="grid two">
        <section className="panel" aria-labelledby="god-h">
          <h2 id="god-h">God-product guard</h2>
          <p className="small muted">Products with at least {report.godProductThreshold} dependents: one bad change reaches many.</p>
          {report.godProducts.length === 0 ? (
            <p className="muted">No product has that many dependents.</p>
          ) : (
            <ul>
              {report.godProducts.map((g) => (
                <li key={g.product.iri}>
                  <Link href={productHref(g.product.iri)}>{g.product.title}</Link> <span className={`badge ${g.guard === 'guarded' ? 'bad' : 'warn'}`}>{g.guard}</span>
                  <div className="small muted">{g.reason}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="loop-h">
          <h2 id="loop-h">Loop health</h2>
          <p className="small">
            {report.loopHealth.duplicateGroups} duplicate groups; {percent(report.loopHealth.canonicalShare)} of their reads went to the canonical products in the
            last four weeks. {report.loopHealth.flaggedNow} products flagged for retirement, {report.loopHealth.deprecatedNow} deprecated.
          </p>
          <TrendChart
            data={loop}
            series={[
              { key: 'flagged', label: 'flagged', color: '#D55E00' },
              { key: 'unflagged', label: 'unflagged', color: '#009E73' },
              { key: 'retired', label: 'retired', color: '#000000' },
            ]}
            label={`Retirement flags week by week, ending: ${loop.map((w) => `${w.label}: ${w.flagged} flagged, ${w.unflagged} unflagged, ${w.retired} retired`).join('; ')}`}
          />
        </section>
      </div>
    </>
  );
}
