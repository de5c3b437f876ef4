import Link from 'next/link';
import { Prose } from '@/components/ui/prose';
import type { PortView } from '@/lib/gateway/queries/product';
import { conceptHref } from '@/lib/links';
import { shortIri } from '@/lib/format';

/** Output ports with their fields and the shared concepts each field carries. */
export function Ports({ ports }: { ports: readonly PortView[] }) {
  if (!ports.length) return <p className="muted">No output ports declared.</p>;
  return (
    <>
      {ports.map((port) => (
        <section key={port.iri} aria-label={`Output port ${port.name}`}>
          <h3>
            {port.name} <span className="badge">{port.kind}</span> {port.format && <span className="badge">{port.format}</span>}
          </h3>
          {port.description && <Prose text={port.description} className="small" />}
          {port.location && (
            <p className="small muted">
              location <code>{port.location}</code>
            </p>
          )}
          {port.fields.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>field</th>
                  <th>type</th>
                  <th>concept</th>
                  <th>description</th>
                </tr>
              </thead>
              <tbody>
                {port.fields.map((f) => (
                  <tr key={f.name}>
                    <td>
                      <code>{f.name}</code> {f.pii && <span className="badge warn">PII</span>}
                    </td>
                    <td>{f.type}</td>
                    <td>{f.concept ? <Link href={conceptHref(f.concept)}>{shortIri(f.concept)}</Link> : <span className="muted">—</span>}</td>
                    <td className="small">{f.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
