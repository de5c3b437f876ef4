import { Directory } from '@/components/ui/directory';
import { directory } from '@/lib/gateway/queries/mesh';
import { domainHref } from '@/lib/links';

export const metadata = { title: 'Domains' };

/** The mesh's domains with their product counts. */
export default async function DomainsPage() {
  const { domains } = await directory();
  return (
    <>
      <h1>Domains</h1>
      <p className="muted">Each domain’s page shows its products with their usage, satisfaction and SLO compliance, and its likely duplicates.</p>
      <Directory entries={domains} href={domainHref} testid="domains" />
    </>
  );
}
