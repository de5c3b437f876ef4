/**
 * The results table of research/ranking.md §C.2: one row per policy, mean ± sd over seeds.
 */
import type { Stat, Summary } from './metrics.js';

/** One column: a header and how a policy's summary fills it. */
interface Column {
  readonly header: string;
  readonly cell: (s: Summary) => string;
}

const pm = (s: Stat, digits = 2): string => `${s.mean.toFixed(digits)}±${s.sd.toFixed(digits)}`;
/** A censored median with the share that reached the event: `16.0 (67%)`. */
const weeks = (time: Stat, reached: Stat): string => `${time.mean.toFixed(1)}±${time.sd.toFixed(1)} (${Math.round(reached.mean * 100)}%)`;

const COLUMNS: readonly Column[] = [
  { header: 'best-share', cell: (s) => pm(s.bestShare) },
  { header: 'non-best wk0→52', cell: (s) => `${s.nonBestStart.mean.toFixed(1)}→${s.nonBestFinal.mean.toFixed(1)}±${s.nonBestFinal.sd.toFixed(1)}` },
  { header: 'Gini', cell: (s) => pm(s.gini) },
  { header: 'amplif.', cell: (s) => s.giniAmplification.mean.toFixed(2) },
  { header: 'intrusion', cell: (s) => pm(s.intrusion, 3) },
  { header: 'regret', cell: (s) => pm(s.regret, 3) },
  { header: 'spam #1', cell: (s) => pm(s.spamTop1, 3) },
  { header: 'worse-new top3', cell: (s) => s.worseNewcomerTop3.mean.toFixed(2) },
  { header: 'time-to-top wk (reached)', cell: (s) => weeks(s.timeToTop, s.reachedTop) },
  { header: 'time-to-majority wk (reached)', cell: (s) => weeks(s.timeToMajority, s.reachedMajority) },
];

/** The table as aligned plain text, ready for the console. */
export function formatTable(rows: ReadonlyMap<string, Summary>, title = ''): string {
  const header = ['policy', ...COLUMNS.map((c) => c.header)];
  const body = [...rows].map(([name, s]) => [name, ...COLUMNS.map((c) => c.cell(s))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [...(title ? [title] : []), line(header), line(widths.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}
