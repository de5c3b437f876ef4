'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DASHES } from './palette';

/** One line of a chart: its data key, its legend, its colour. */
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** Drawn against the right-hand axis (a share, when the left one counts). */
  readonly right?: boolean;
}

const asPercent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Lines over time (one point per week or day); `label` says the same numbers in words for screen
 * readers. With `unit="share"` the left axis runs from 0 to 100%.
 */
export function TrendChart({ data, series, label, unit = 'count' }: { data: readonly Record<string, string | number | null>[]; series: readonly Series[]; label: string; unit?: 'count' | 'share' }) {
  const right = series.some((s) => s.right);
  return (
    <figure className="chart" aria-label={label} role="img">
      <ResponsiveContainer width="100%" height="100%">
        {/* The figure is one image with its numbers in words; Recharts's own keyboard layer would be an unnamed tab stop inside it. */}
        <LineChart data={[...data]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dadde3" />
          <XAxis dataKey="label" fontSize={12} />
          {unit === 'share' ? (
            <YAxis yAxisId="left" fontSize={12} domain={[0, 1]} tickFormatter={asPercent} />
          ) : (
            <YAxis yAxisId="left" fontSize={12} allowDecimals={false} />
          )}
          {right && <YAxis yAxisId="right" orientation="right" fontSize={12} domain={[0, 1]} tickFormatter={asPercent} />}
          <Tooltip formatter={unit === 'share' ? (v) => (typeof v === 'number' ? asPercent(v) : String(v)) : undefined} />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.key}
              yAxisId={s.right ? 'right' : 'left'}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeDasharray={DASHES[i % DASHES.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
