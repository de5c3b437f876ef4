import type { ProductUsageView } from '@/lib/gateway/queries/reports';
import { formatDay, percent } from '@/lib/format';
import { TrendChart } from '../chart/trend-chart';

/** Weekly consumers and reads, consumers by domain, and SLO compliance over the report window. */
export function UsagePanel({ usage }: { usage: ProductUsageView | null }) {
  if (!usage) return <p className="muted">No usage report: the product is not live.</p>;
  const weeks = usage.trend.map((b) => ({ label: formatDay(b.to), consumers: b.consumers, reads: b.reads }));
  return (
    <div className="grid two">
      <div>
        <h3>Consumers and reads, week by week</h3>
        <TrendChart
          data={weeks}
          series={[{ key: 'consumers', label: 'consumers', color: '#0072B2' }]}
          label={`Consumers per week: ${weeks.map((w) => `${w.label} ${w.consumers}`).join(', ')}`}
        />
        <p className="small muted">
          {usage.reads} reads in the last {usage.trend.length} weeks · new: {usage.consumers.new.length ? usage.consumers.new.join(', ') : 'none'} · lost:{' '}
          {usage.consumers.lost.length ? usage.consumers.lost.join(', ') : 'none'}
        </p>
      </div>
      <div>
        <h3>Consumers by domain</h3>
        {usage.consumers.byDomain.length === 0 ? (
          <p className="muted">No consumers in the window.</p>
        ) : (
          <table>
            <tbody>
              {usage.consumers.byDomain.map((d) => (
                <tr key={d.domain}>
                  <td>{d.domain}</td>
                  <td className="num">{d.consumers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>SLO compliance in the window</h3>
        <ul className="small">
          {usage.slo.guarantees.map((g) => (
            <li key={g.name}>
              {g.name}: {percent(g.compliance, 1)} of {g.checks} checks (target {percent(g.target, 1)})
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
