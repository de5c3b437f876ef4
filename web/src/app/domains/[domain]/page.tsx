import { fromSegment } from '@/lib/links';
import type { Metadata } from 'next';
import { ScopeReport } from '@/components/report/scope-report';
import { scopeReport } from '@/lib/gateway/queries/reports';
import { viewer } from '@/lib/session';

interface Props {
  readonly params: Promise<{ domain: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${fromSegment((await params).domain)} domain` };
}

/**
 * A domain: its products with their usage, satisfaction and SLO compliance, and its duplicates.
 * Usage is each owner team's to read: an admin sees the whole domain's, a team's own token its
 * team's products in the domain, anyone else the duplicates only.
 */
export default async function DomainPage({ params }: Props) {
  const domain = fromSegment((await params).domain);
  const [report, who] = await Promise.all([scopeReport({ domain }), viewer()]);
  // The API answers an owner who names no team with its own team's report (ADR 0017).
  const team = who.state === 'signed-in' && !who.me.admin && who.me.teams.length === 1 ? who.me.teams[0] : undefined;
  const usage = report.usage.ok ? report.usage.value : null;
  return (
    <>
      <h1>Domain: {domain}</h1>
      {usage && team && <p className="muted small">Usage of team {team}’s products in the domain only: each team’s usage is its own to read.</p>}
      {usage?.products.length === 0 ? (
        <p className="panel">{team ? `Team ${team} owns no live product in the domain ${domain}.` : `No live product in the domain ${domain}.`}</p>
      ) : (
        <ScopeReport report={report} scope={{ kind: 'domain', name: domain }} signedIn={who.state === 'signed-in'} />
      )}
    </>
  );
}
