import Link from 'next/link';
import { Prose } from '@/components/ui/prose';
import type { HitView } from '@/lib/gateway/types';
import { domainHref, ownerHref, productHref } from '@/lib/links';
import { fixed, meanStars, sloState } from '@/lib/format';
import { isExploration, SLOT_NOTE_PREFIX, topReasons } from './group-hits';
import { StatusBadge } from '../ui/status-badge';
import { Stars } from '../ui/stars';

/** One search result: who owns it, how it serves its consumers, and why it ranks here. */
export function HitCard({ hit, similar = [] }: { hit: HitView; similar?: readonly HitView[] }) {
  const p = hit.product;
  const slo = sloState(p.sloStatus);
  const verified = p.ratings.filter((r) => r.verified);
  const stars = meanStars(verified);
  return (
    <li className="hit" data-testid="hit">
      <h2>
        <Link href={productHref(p.iri)}>{p.title}</Link>
        {isExploration(hit) && (
          <span className="badge new" title="Placed here to learn whether searchers want this new product">
            New
          </span>
        )}
        <StatusBadge status={p.status} />
        <span className={`badge ${slo.tone}`}>{slo.label}</span>
      </h2>
      <div className="byline">
        <span>
          owner <Link href={ownerHref(p.owner.name)}>{p.owner.name}</Link>
        </span>
        <span>
          domain <Link href={domainHref(p.domain.name)}>{p.domain.name}</Link>
        </span>
        <span>{p.usage ? `${p.usage.consumers} consumer${p.usage.consumers === 1 ? '' : 's'}` : 'no usage yet'}</span>
        <span>
          {stars === null ? (
            'not rated'
          ) : (
            <>
              <Stars value={stars} /> {stars.toFixed(1)} ({verified.length})
            </>
          )}
        </span>
      </div>
      {p.description && <Prose text={p.description} className="excerpt" />}
      <Reasons hit={hit} />
      <details>
        <summary>Why is it here?</summary>
        <Explanation hit={hit} />
      </details>
      {similar.length > 0 && (
        <details className="similar">
          <summary>
            {similar.length} similar product{similar.length > 1 ? 's' : ''}
          </summary>
          <ul>
            {similar.map((s) => (
              <li key={s.product.iri}>
                <Link href={productHref(s.product.iri)}>{s.product.title}</Link> <span className="muted small">({s.product.owner.name}, likely duplicate)</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Reasons({ hit }: { hit: HitView }) {
  const reasons = topReasons(hit);
  const notes = hit.notes.filter((n) => !n.startsWith(SLOT_NOTE_PREFIX));
  if (!reasons.length && !notes.length) return null;
  return (
    <ul className="reasons" aria-label="Top ranking reasons">
      {reasons.map((f) => (
        <li key={f.name} className={f.value > 1 ? 'factor-up' : 'factor-down'}>
          {f.value > 1 ? '▲' : '▼'} {f.reason}
        </li>
      ))}
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** The whole ranking arithmetic of a hit: score = relevance^α × multiplier, factor by factor. */
export function Explanation({ hit }: { hit: HitView }) {
  return (
    <div className="small">
      <p>
        Text relevance <b>{fixed(hit.relevance, 3)}</b> × feedback multiplier <b>{fixed(hit.multiplier, 3)}</b> gives score{' '}
        <b>{fixed(hit.score, 3)}</b>. The multiplier is the product of the factors below, kept within its bounds so that feedback
        reorders close matches and never buries a better one.
      </p>
      <table>
        <thead>
          <tr>
            <th>factor</th>
            <th className="num">value</th>
            <th>why</th>
          </tr>
        </thead>
        <tbody>
          {hit.factors.map((f) => (
            <tr key={f.name}>
              <td>{f.name}</td>
              <td className="num">×{fixed(f.value, 3)}</td>
              <td>{f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hit.notes.length > 0 && (
        <ul>
          {hit.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
