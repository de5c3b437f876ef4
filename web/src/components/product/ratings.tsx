import type { RatingView } from '@/lib/gateway/types';
import { formatDate, meanStars } from '@/lib/format';
import { Stars } from '../ui/stars';
import { teamName } from '@/lib/team';

/** Every consumer's current rating; unverified ones (no recorded use) are shown but carry no weight. */
export function Ratings({ ratings }: { ratings: readonly RatingView[] }) {
  const verified = ratings.filter((r) => r.verified);
  const mean = meanStars(verified);
  return (
    <>
      <p data-testid="rating-summary">
        {ratings.length === 0 ? (
          'No ratings yet.'
        ) : (
          <>
            {mean !== null && (
              <>
                <Stars value={mean} /> <b>{mean.toFixed(1)}</b> from{' '}
              </>
            )}
            <b>{verified.length}</b> verified rating{verified.length === 1 ? '' : 's'}
            {ratings.length > verified.length && (
              <span className="muted">
                {' '}
                and {ratings.length - verified.length} from teams with no recorded use, which do not count towards ranking
              </span>
            )}
            <span className="muted"> · {ratings.length} in all</span>
          </>
        )}
      </p>
      {ratings.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>team</th>
              <th>stars</th>
              <th>when</th>
              <th>verified use</th>
            </tr>
          </thead>
          <tbody>
            {ratings.map((r) => (
              <tr key={r.consumer}>
                <td>{teamName(r.team)}</td>
                <td>
                  <Stars value={r.stars} />
                </td>
                <td>{formatDate(r.at)}</td>
                <td>{r.verified ? 'yes' : <span className="muted">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
