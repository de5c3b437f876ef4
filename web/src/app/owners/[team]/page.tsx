import { fromSegment } from '@/lib/links';
import type { Metadata } from 'next';
import { ScopeReport } from '@/components/report/scope-report';
import { scopeReport } from '@/lib/gateway/queries/reports';
import { viewer } from '@/lib/session';

interface Props {
  readonly params: Promise<{ team: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${fromSegment((await params).team)} — owner report` };
}

/**
 * An owner team's report: its products' usage, satisfaction and SLO compliance, and what to act
 * on. The usage is the team's and the admins' to read; anyone sees its likely duplicates.
 */
export default async function OwnerPage({ params }: Props) {
  const team = fromSegment((await params).team);
  const [report, who] = await Promise.all([scopeReport({ owner: team }), viewer()]);
  const usage = report.usage.ok ? report.usage.value : null;
  return (
    <>
      <h1>Owner report: {team}</h1>
      {usage && <p className="muted small">Generated {new Date(usage.generatedAt).toUTCString()}; consumers outside the team only.</p>}
      {usage?.products.length === 0 ? (
        <p className="panel">The team {team} owns no live product.</p>
      ) : (
        <ScopeReport report={report} scope={{ kind: 'owner', name: team }} signedIn={who.state === 'signed-in'} />
      )}
    </>
  );
}
