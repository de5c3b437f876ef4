import type { ProductUsageView } from '@/lib/gateway/queries/reports';
import { formatDay, percent } from '@/lib/format';
import { colour } from '../chart/palette';
import { TrendChart } from '../chart/trend-chart';

/** Each guarantee's weekly compliance (passed checks over checks), against its target. */
export function SloChart({ guarantees }: { guarantees: ProductUsageView['slo']['guarantees'] }) {
  const checked = guarantees.filter((g) => g.checks > 0);
  if (!checked.length) return <p className="muted small">No SLO checks in the last weeks, so no compliance to chart.</p>;
  const weeks = (checked[0]?.trend ?? []).map((w, i) => ({ label: formatDay(w.to), ...Object.fromEntries(checked.map((g) => [g.name, g.trend[i]?.compliance ?? null])) }));
  const said = checked.map((g) => `${g.name} (target ${percent(g.target, 1)}): ${g.trend.map((w) => percent(w.compliance)).join(', ')}`).join('; ');
  return (
    <>
      <h3>Compliance week by week</h3>
      <TrendChart data={weeks} unit="share" series={checked.map((g, i) => ({ key: g.name, label: `${g.name} (target ${percent(g.target, 1)})`, color: colour(i) }))} label={`Weekly SLO compliance: ${said}`} />
    </>
  );
}
