import { fromSegment } from '@/lib/links';
import type { Metadata } from 'next';
import { ScopeReport } from '@/components/report/scope-report';
import { scopeReport } from '@/lib/gateway/queries/reports';

interface Props {
  readonly params: Promise<{ team: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${fromSegment((await params).team)} — owner report` };
}

/** An owner team's report: its products' usage, satisfaction and SLO compliance, and what to act on. */
export default async function OwnerPage({ params }: Props) {
  const team = fromSegment((await params).team);
  const report = await scopeReport({ owner: team });
  return (
    <>
      <h1>Owner report: {team}</h1>
      <p className="muted small">Generated {new Date(report.usageReport.generatedAt).toUTCString()}; consumers outside the team only.</p>
      {report.usageReport.products.length === 0 ? <p className="panel">The team {team} owns no live product.</p> : <ScopeReport report={report} scope={{ kind: 'owner', name: team }} />}
    </>
  );
}
