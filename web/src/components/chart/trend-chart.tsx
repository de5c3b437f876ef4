'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** Drawn against the right-hand axis (a share, when the left one counts). */
  readonly right?: boolean;
}

/** Lines over time (one point per week or day). The page shows the same numbers as a table beside it. */
export function TrendChart({ data, series, label }: { data: readonly Record<string, string | number | null>[]; series: readonly Series[]; label: string }) {
  const right = series.some((s) => s.right);
  return (
    <figure className="chart" aria-label={label} role="img">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dadde3" />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis yAxisId="left" fontSize={12} allowDecimals={false} />
          {right && <YAxis yAxisId="right" orientation="right" fontSize={12} domain={[0, 1]} />}
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} yAxisId={s.right ? 'right' : 'left'} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
