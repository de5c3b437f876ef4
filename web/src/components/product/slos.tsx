import type { PortView } from '@/lib/gateway/queries/product';
import type { SloStatusView } from '@/lib/gateway/types';
import { fixed, percent } from '@/lib/format';

/** Each declared guarantee beside how it holds over the SLO window (checks, failures, error-budget burn). */
export function Slos({ ports, status }: { ports: readonly PortView[]; status: readonly SloStatusView[] }) {
  const declared = ports.flatMap((p) => p.slos.map((s) => ({ ...s, guarantee: `${p.name}/${s.metric}` })));
  if (!declared.length) return <p className="muted">This product declares no SLOs.</p>;
  const byGuarantee = new Map(status.map((s) => [s.guarantee, s]));
  return (
    <table>
      <thead>
        <tr>
          <th>guarantee</th>
          <th>objective</th>
          <th className="num">target</th>
          <th className="num">checks</th>
          <th className="num">failed</th>
          <th className="num">burn</th>
          <th>state</th>
        </tr>
      </thead>
      <tbody>
        {declared.map((d) => {
          const s = byGuarantee.get(d.guarantee);
          return (
            <tr key={d.guarantee}>
              <td>{d.guarantee}</td>
              <td>
                {d.objective}
                {d.window && <span className="muted small"> over {d.window}</span>}
              </td>
              <td className="num">{percent(d.target, 1)}</td>
              <td className="num">{s?.checks ?? 0}</td>
              <td className="num">{s?.failed ?? 0}</td>
              <td className="num" title="1 means failing exactly as often as the target allows">
                {s ? (s.burn === null ? '∞' : fixed(s.burn)) : '—'}
              </td>
              <td>{!s || s.checks === 0 ? <span className="badge">no checks</span> : s.met ? <span className="badge good">met</span> : <span className="badge bad">breached</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
