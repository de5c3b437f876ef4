import type { ProductUsageView } from '@/lib/gateway/queries/reports';
import { formatDay } from '@/lib/format';
import { StackedBars } from '../chart/stacked-bars';
import { teamName } from '@/lib/team';

/** Consumers by consuming domain week by week, the window's totals, and who came and went. */
export function UsagePanel({ usage }: { usage: ProductUsageView | null }) {
  if (!usage) return <p className="muted">No usage report: the product is not live.</p>;
  const domains = [...new Set(usage.trend.flatMap((b) => b.byDomain.map((d) => d.domain)))].sort();
  const weeks = usage.trend.map((b) => ({ label: formatDay(b.to), ...Object.fromEntries(b.byDomain.map((d) => [d.domain, d.consumers])) }));
  const said = usage.trend.map((b) => `${formatDay(b.to)}: ${b.byDomain.map((d) => `${d.domain} ${d.consumers}`).join(', ') || 'none'}`).join('; ');
  return (
    <div className="grid two">
      <div>
        <h3>Consumers by consuming domain, week by week</h3>
        <StackedBars data={weeks} keys={domains} label={`Consumers per week by domain: ${said}`} />
        <p className="small muted">
          {usage.reads} reads in the last {usage.trend.length} weeks. Consumers are teams and products other than the owner; a team counts in
          the domain where it owns most products, “unknown” when it owns none.
        </p>
      </div>
      <div>
        <h3>In the last {usage.trend.length} weeks</h3>
        {usage.consumers.byDomain.length === 0 ? (
          <p className="muted">No consumers in the window.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>consuming domain</th>
                <th className="num">consumers</th>
              </tr>
            </thead>
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
        <p className="small">
          New: {usage.consumers.new.length ? usage.consumers.new.map(teamName).join(', ') : 'none'}
          <br />
          Lost: {usage.consumers.lost.length ? usage.consumers.lost.map(teamName).join(', ') : 'none'}
        </p>
      </div>
    </div>
  );
}
