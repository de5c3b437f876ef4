import Link from 'next/link';
import type { ReportScope, ScopeReportView } from '@/lib/gateway/queries/reports';
import { domainHref, ownerHref, productHref } from '@/lib/links';
import { formatDate, percent } from '@/lib/format';
import { teamName } from '@/lib/team';
import { NotDuplicateForm } from './not-duplicate-form';

/**
 * The loop's suggestions to owners, each with the action it suggests: fold a duplicate into the
 * canonical product (deprecate it with a successor link), tell Quanta it is not one, or retire a
 * product nobody uses any more. Products flagged for retirement come from the usage report, so a
 * viewer who may not read it sees the duplicate nudges only.
 */
export function Nudges({ report, scope, signedIn }: { report: ScopeReportView; scope: ReportScope; signedIn: boolean }) {
  const here = scope.kind === 'owner' ? ownerHref(scope.name) : domainHref(scope.name);
  // A nudge names its owner team by IRI (urn:quanta:team:…); a scope by the team's name.
  const inScope = (n: ScopeReportView['duplicateGroups'][number]['nudges'][number]) => (scope.kind === 'owner' ? teamName(n.owner) === scope.name : n.product.domain.name === scope.name);
  const nudges = report.duplicateGroups.flatMap((g) => g.nudges.map((n) => ({ n, g }))).filter(({ n }) => inScope(n));
  const retire = (report.usage.ok ? report.usage.value.products : []).filter((p) => p.product.flaggedForRetirement && !nudges.some(({ n }) => n.kind === 'retirement' && n.product.iri === p.product.iri));
  if (!nudges.length && !retire.length) return <p className="muted">Nothing to act on: no likely duplicates and no product to retire.</p>;
  return (
    <ul data-testid="nudges">
      {nudges.map(({ n, g }) => (
        <li key={`${n.kind} ${n.product.iri} ${n.at}`} style={{ marginBottom: '0.75rem' }}>
          <span className={`badge ${n.kind === 'retirement' ? 'warn' : 'bad'}`}>{n.kind}</span>{' '}
          <Link href={productHref(n.product.iri)}>{n.product.title}</Link>: {n.message} <span className="muted small">({formatDate(n.at)})</span>
          <div className="small muted">
            {n.kind === 'duplicate' ? (
              <>
                Suggested: if it holds the same data as <Link href={productHref(g.canonical.iri)}>{g.canonical.title}</Link> (similarity {percent(g.averageScore)}),
                deprecate it with <code>links.successor</code> pointing there, and tell its consumers. If it does not, say so here and search
                stops demoting it.
                {n.product.iri !== g.canonical.iri && <NotDuplicateForm product={n.product.iri} other={g.canonical.iri} signedIn={signedIn} here={here} />}
              </>
            ) : (
              <>Suggested: retire it (<code>DELETE /api/v1/products/…</code>) or tell its few consumers what replaces it.</>
            )}
          </div>
        </li>
      ))}
      {retire.map((p) => (
        <li key={p.product.iri}>
          <span className="badge warn">retirement</span> <Link href={productHref(p.product.iri)}>{p.product.title}</Link>: barely used for four weeks and
          superseded or poorly rated. Suggested: retire it, or tell its consumers what replaces it.
        </li>
      ))}
    </ul>
  );
}
