import { Directory } from '@/components/ui/directory';
import { directory } from '@/lib/gateway/queries/mesh';
import { ownerHref } from '@/lib/links';

export const metadata = { title: 'Owners' };

/** Every team that owns products, with how many: the way into each team's report. */
export default async function OwnersPage() {
  const { owners } = await directory();
  return (
    <>
      <h1>Owner teams</h1>
      <p className="muted">Each team’s report shows its products’ usage by consuming domain, satisfaction, SLO compliance, and the nudges to act on.</p>
      <Directory entries={owners} href={ownerHref} testid="owners" />
    </>
  );
}
