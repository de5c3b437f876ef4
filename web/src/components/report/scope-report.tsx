import Link from 'next/link';
import type { ProductUsageView, ReportScope, ScopeReportView } from '@/lib/gateway/queries/reports';
import { domainHref, ownerHref, productHref } from '@/lib/links';
import { fixed, formatDay, percent } from '@/lib/format';
import { TrendChart } from '../chart/trend-chart';
import { StatusBadge } from '../ui/status-badge';
import { Nudges } from './nudges';
import { UsageRefused } from './usage-refused';

/** The lowest compliance of a product's guarantees in the window: one bad guarantee is what consumers feel. */
function worstCompliance(p: ProductUsageView): number | null {
  const values = p.slo.guarantees.map((g) => g.compliance).filter((c): c is number => c !== null);
  return values.length ? Math.min(...values) : null;
}

/**
 * An owner's (or a domain's) report: each product's usage, satisfaction and SLO compliance, the
 * weekly trend across them, and the nudges the balancing loop sends, with what to do about each.
 * A viewer the API does not show the usage to (it is the owner team's and admins') sees the
 * duplicates and nudges, and a note saying whose token shows the rest.
 */
export function ScopeReport({ report, scope, signedIn }: { report: ScopeReportView; scope: ReportScope; signedIn: boolean }) {
  const usage = report.usage.ok ? report.usage.value : null;
  const products = usage?.products ?? [];
  const weeks = (products[0]?.trend ?? []).map((b, i) => ({
    label: formatDay(b.to),
    consumers: products.reduce((s, p) => s + (p.trend[i]?.consumers ?? 0), 0),
    reads: products.reduce((s, p) => s + (p.trend[i]?.reads ?? 0), 0),
  }));
  const flagged = products.filter((p) => p.product.flaggedForRetirement);
  return (
    <>
      <div className="grid stats" style={{ marginBottom: '1rem' }}>
        {usage && (
          <>
            <div className="stat">
              <b>{products.length}</b> live products
            </div>
            <div className="stat">
              <b>{products.reduce((s, p) => s + p.consumers.total, 0)}</b> consumers, summed over products
            </div>
          </>
        )}
        <div className="stat">
          <b>{report.duplicateGroups.length}</b> duplicate groups
        </div>
        {usage && (
          <div className="stat">
            <b>{flagged.length}</b> flagged for retirement
          </div>
        )}
      </div>
      <section className="panel" aria-labelledby="nudges-h">
        <h2 id="nudges-h">Nudges</h2>
        <Nudges report={report} scope={scope} signedIn={signedIn} />
      </section>
      {report.usage.ok ? null : (
        <section className="panel" aria-labelledby="products-h">
          <h2 id="products-h">Usage</h2>
          <UsageRefused team={scope.kind === 'owner' ? scope.name : undefined} next={scope.kind === 'owner' ? ownerHref(scope.name) : domainHref(scope.name)} reason={report.usage.refused} />
        </section>
      )}
      {usage && <UsageTable products={products} windowDays={usage.windowDays} />}
      {weeks.length > 0 && (
        <section className="panel" aria-labelledby="trend-h">
          <h2 id="trend-h">Consumers of these products, summed over them, week by week</h2>
          <TrendChart data={weeks} series={[{ key: 'consumers', label: 'consumers', color: '#0072B2' }]} label={`Weekly consumers: ${weeks.map((w) => `${w.label} ${w.consumers}`).join(', ')}`} />
        </section>
      )}
    </>
  );
}

/** Each product's line: consumers (by domain, new and lost), reads, satisfaction, SLO compliance, flags. */
function UsageTable({ products, windowDays }: { products: readonly ProductUsageView[]; windowDays: number }) {
  return (
    <section className="panel" aria-labelledby="products-h">
      <h2 id="products-h">Products over the last {windowDays} days</h2>
      <table data-testid="usage-table">
        <thead>
          <tr>
            <th>product</th>
            <th className="num">consumers</th>
            <th>by domain</th>
            <th className="num">new / lost</th>
            <th className="num">reads</th>
            <th className="num">satisfaction</th>
            <th className="num">SLO compliance</th>
            <th>flags</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.product.iri}>
              <td>
                <Link href={productHref(p.product.iri)}>{p.product.title}</Link> <StatusBadge status={p.product.status} />
              </td>
              <td className="num">{p.consumers.total}</td>
              <td className="small">{p.consumers.byDomain.map((d) => `${d.domain} ${d.consumers}`).join(', ') || '—'}</td>
              <td className="num">
                +{p.consumers.new.length} / −{p.consumers.lost.length}
              </td>
              <td className="num">{p.reads}</td>
              <td className="num">{p.satisfaction.meanStars === null ? '—' : `${fixed(p.satisfaction.meanStars, 1)} ★ (${p.satisfaction.ratings})`}</td>
              <td className="num">{percent(worstCompliance(p), 1)}</td>
              <td>{p.product.flaggedForRetirement && <span className="badge warn">retire?</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
