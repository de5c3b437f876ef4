import { fromSegment } from '@/lib/links';
import type { Metadata } from 'next';
import { ScopeReport } from '@/components/report/scope-report';
import { scopeReport } from '@/lib/gateway/queries/reports';

interface Props {
  readonly params: Promise<{ domain: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${fromSegment((await params).domain)} domain` };
}

/** A domain: its products with their usage, satisfaction and SLO compliance, and its duplicates. */
export default async function DomainPage({ params }: Props) {
  const domain = fromSegment((await params).domain);
  const report = await scopeReport({ domain });
  return (
    <>
      <h1>Domain: {domain}</h1>
      {report.usageReport.products.length === 0 ? <p className="panel">No live product in the domain {domain}.</p> : <ScopeReport report={report} scope={{ kind: 'domain', name: domain }} />}
    </>
  );
}
