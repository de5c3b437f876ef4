import { type Product, teamIri } from '@quanta/model';
import type { ProductSignals } from '@quanta/ranking';
import type { LineageConsumer } from '../ports/lineage-graph.js';
import type { ProductSignalRecords } from '../ports/signal-graph.js';
import { listOrNone, sharedString } from './sharing.js';

const ms = (iso: string): number => Date.parse(iso);

/**
 * What the ranking factors read of one product, from the graph: its descriptor, its stored
 * signals, the consumers lineage shows (jobs reading its datasets, counted for their product or
 * team) and its examinations counter. A rating is verified when its consumer has recorded use,
 * explicit or from lineage.
 */
export function productSignals(
  product: Product,
  records: ProductSignalRecords | undefined,
  lineage: readonly LineageConsumer[],
  examinations: number,
): ProductSignals {
  const d = product.descriptor;
  const lastUse = new Map<string, number>();
  const firstUse = new Map<string, number>();
  const used = (consumer: string, at: number) => lastUse.set(consumer, Math.max(at, lastUse.get(consumer) ?? -Infinity));
  for (const c of records?.consumers ?? []) {
    used(c.consumer, ms(c.lastUsedAt));
    firstUse.set(c.consumer, ms(c.firstUsedAt));
  }
  // Lineage keeps only a job's latest read: its consumers' first use stays unknown.
  for (const c of lineage) {
    if (c.kind === 'Job') continue;
    used(c.consumer, ms(c.lastUsedAt));
    firstUse.delete(c.consumer);
  }
  return {
    id: product.iri,
    name: d.name,
    ownerTeam: sharedString(teamIri(d.owner.team)),
    status: d.status,
    ...(d.status === 'deprecated' && d.links?.successor !== undefined && { successor: d.links.successor }),
    createdAt: ms(product.createdAt),
    consumers: listOrNone(
      [...lastUse].map(([consumer, lastUsedAt]) => {
        const firstUsedAt = firstUse.get(consumer);
        return { consumer, lastUsedAt, ...(firstUsedAt !== undefined && { firstUsedAt }) };
      }),
    ),
    ratings: listOrNone((records?.ratings ?? []).map((r) => ({ consumer: r.consumer, team: r.team, stars: r.stars, at: ms(r.at), verified: lastUse.has(r.consumer) }))),
    ratingTimes: listOrNone((records?.ratingTimes ?? []).map(ms)),
    guarantees: listOrNone(
      (d.outputPorts ?? []).flatMap((p) => (p.slos ?? []).map((s) => ({ name: sharedString(`${p.name}/${s.metric}`), ...(s.target !== undefined && { target: s.target }) }))),
    ),
    checks: listOrNone((records?.checks ?? []).map((c) => ({ guarantee: c.guarantee, at: ms(c.at), passed: c.passed }))),
    examinations,
  };
}
