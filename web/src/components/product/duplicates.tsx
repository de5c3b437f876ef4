import Link from 'next/link';
import type { DuplicateGroupView } from '@/lib/gateway/types';
import { productHref } from '@/lib/links';
import { formatDate, percent } from '@/lib/format';
import { StatusBadge } from '../ui/status-badge';

/** The likely-duplicate group a product belongs to: which one search keeps on top, and why. */
export function Duplicates({ group, self }: { group: DuplicateGroupView | null; self: string }) {
  if (!group) return <p className="muted">No likely duplicate: no other product holds the same data.</p>;
  return (
    <>
      <p className="small">
        {group.members.length} products hold much the same data (mean similarity {percent(group.averageScore)}). Search keeps{' '}
        <Link href={productHref(group.canonical.iri)}>{group.canonical.title}</Link> on top: {group.canonicalReason}
      </p>
      <ul>
        {group.members.map((m) => (
          <li key={m.product.iri}>
            {m.product.iri === self ? <b>{m.product.title}</b> : <Link href={productHref(m.product.iri)}>{m.product.title}</Link>}{' '}
            <span className="muted small">({m.product.owner.name})</span> <StatusBadge status={m.product.status} />{' '}
            {m.canonical && <span className="badge good">canonical</span>}
            {m.demoted && <span className="badge warn">demoted in search</span>}
            {!m.canonical && !m.demoted && m.graceEndsAt && <span className="muted small"> grace period until {formatDate(m.graceEndsAt)}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
