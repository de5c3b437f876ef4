import Link from 'next/link';
import type { DuplicateGroupView, ProductRef } from '@/lib/gateway/types';
import { productHref } from '@/lib/links';
import { formatDate, percent } from '@/lib/format';
import { StatusBadge } from '../ui/status-badge';

/** The likely-duplicate group a product belongs to (which one search keeps on top, and why), and products like it. */
export function Duplicates({ group, self, similar }: { group: DuplicateGroupView | null; self: string; similar: readonly ProductRef[] }) {
  const members = new Set(group?.members.map((m) => m.product.iri));
  const others = similar.filter((p) => !members.has(p.iri));
  return (
    <>
      {group ? <Group group={group} self={self} /> : <p className="muted">No likely duplicate: no other product holds the same data.</p>}
      {others.length > 0 && (
        <>
          <h3>Similar products</h3>
          <ul data-testid="similar">
            {others.map((p) => (
              <li key={p.iri}>
                <Link href={productHref(p.iri)}>{p.title}</Link> <span className="muted small">({p.owner.name})</span> <StatusBadge status={p.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Group({ group, self }: { group: DuplicateGroupView; self: string }) {
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
