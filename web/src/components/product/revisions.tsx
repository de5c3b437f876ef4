import type { RevisionView } from '@/lib/gateway/queries/product';
import { formatDate } from '@/lib/format';

/** The product's revision history, newest first: each registration that changed it. */
export function Revisions({ revisions, createdAt }: { revisions: readonly RevisionView[]; createdAt: string }) {
  return (
    <>
      <p className="small">
        Registered {formatDate(createdAt)}; {revisions.length} revision{revisions.length === 1 ? '' : 's'}. A registration that changes nothing adds none.
      </p>
      <table>
        <thead>
          <tr>
            <th className="num">revision</th>
            <th>recorded</th>
            <th>by</th>
            <th>status</th>
            <th>content hash</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revision}>
              <td className="num">r{r.revision}</td>
              <td>{new Date(r.recordedAt).toUTCString()}</td>
              <td>{r.recordedBy}</td>
              <td>{r.status}</td>
              <td>
                <code title={r.hash}>{r.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
