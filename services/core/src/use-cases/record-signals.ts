import {
  type Descriptor,
  ForbiddenError,
  type Identity,
  type Iri,
  NotFoundError,
  type RatingInput,
  type SloCheckInput,
  teamIri,
  type UsageInput,
  ValidationError,
  toPointer,
} from '@quanta/model';
import type { RatingRecord, SignalOutcome, SloCheckRecord, UsageRecord } from '../ports/signal-graph.js';
import { mayReportUsage, requireConsumer, requireOwner } from './authorization.js';
import type { CatalogDeps } from './deps.js';

/** How many signals of a call were new, and how many the graph held already (or changed, for ratings). */
export interface SignalReport {
  readonly stored: number;
  readonly duplicates: number;
}

const report = (outcomes: readonly SignalOutcome[]): SignalReport => ({
  stored: outcomes.filter((o) => o !== 'duplicate').length,
  duplicates: outcomes.filter((o) => o === 'duplicate').length,
});
const instant = (at: string | number): string => new Date(at).toISOString();

/** The current descriptor of a registered product. @throws NotFoundError */
async function descriptorOf(deps: CatalogDeps, iri: Iri): Promise<Descriptor> {
  const product = await deps.graph.getProduct(iri);
  if (!product) throw new NotFoundError(`no data product ${iri}`);
  return product.descriptor;
}

/**
 * Stores usage reports (POST /api/v1/usage), all or none: every product must be registered, and
 * each report must be the caller's own use or a read of a product the caller's team owns.
 * @throws NotFoundError naming the first unknown product; nothing is stored
 * @throws ForbiddenError naming the first report the caller may not make; nothing is stored
 */
export async function recordUsage(deps: CatalogDeps, inputs: readonly UsageInput[], identity: Identity): Promise<SignalReport> {
  const teams = new Map<Iri, string>();
  for (const iri of new Set(inputs.map((u) => u.product))) teams.set(iri, (await descriptorOf(deps, iri)).owner.team);
  const refused = inputs.findIndex((u) => !mayReportUsage(identity, u.consumer, teams.get(u.product) ?? ''));
  if (refused >= 0) {
    const u = inputs[refused] as UsageInput;
    const where = inputs.length > 1 ? `report ${refused}: ` : '';
    throw new ForbiddenError(`${where}usage by ${u.consumer} of ${u.product} can be reported by that consumer or by team ${teams.get(u.product)}, which owns the product`);
  }
  const now = deps.clock.now();
  const records = inputs.map((u): UsageRecord => {
    const at = instant(u.at ?? now);
    const key = u.id !== undefined ? `id:${u.product}\n${u.id}` : [u.product, u.consumer, u.port ?? '', at].join('\n');
    return { key, product: u.product, consumer: u.consumer, at, count: u.count, ...(u.port !== undefined && { port: u.port }) };
  });
  const result = report(await deps.graph.recordUsage(records));
  // Usage moves its product, and makes the consumer's rating of it count.
  await refresh(deps, inputs.map((u) => u.product));
  return result;
}

/** Recomputes the feedback of products a signal touched, so search order shows it at once. */
async function refresh(deps: CatalogDeps, iris: readonly Iri[]): Promise<void> {
  if (!deps.feedback) return;
  for (const iri of new Set(iris)) await deps.feedback.refresh(iri);
}

/**
 * Sets a consumer's rating of a product (PUT …/ratings/{consumer}); a consuming product's votes
 * count for its owner team (research/ranking.md §B.3: team cap). Only the consumer itself rates.
 * @throws ForbiddenError when the caller is not that consumer (checked before anything is read)
 * @throws NotFoundError when the product is not registered
 */
export async function rateProduct(deps: CatalogDeps, product: Iri, consumer: Iri, input: RatingInput, identity: Identity): Promise<SignalOutcome> {
  requireConsumer(identity, consumer, 'rate');
  await descriptorOf(deps, product);
  const consumingProduct = await deps.graph.getProduct(consumer);
  const team = consumingProduct ? teamIri(consumingProduct.descriptor.owner.team) : consumer;
  const record: RatingRecord = { product, consumer, team, stars: input.stars as RatingRecord['stars'], at: instant(deps.clock.now()), ...(input.comment !== undefined && { comment: input.comment }) };
  const outcome = await deps.graph.putRating(record);
  await refresh(deps, [product]);
  return outcome;
}

/**
 * Stores SLO check results (POST …/slo-checks) against the SLOs the product declares: a check
 * names a metric of one of its output ports (the port may be left out when only one port declares
 * the metric).
 * Only the product's owner team (or an admin) reports them.
 * @throws NotFoundError when the product is not registered
 * @throws ForbiddenError when the caller does not own the product
 * @throws ValidationError naming each check that matches no declared SLO; nothing is stored
 */
export async function recordSloChecks(
  deps: CatalogDeps,
  product: Iri,
  inputs: readonly SloCheckInput[],
  pointerOf: (index: number) => string,
  identity: Identity,
): Promise<SignalReport> {
  const descriptor = await descriptorOf(deps, product);
  requireOwner(identity, descriptor.owner.team, `report SLO checks of ${product}`);
  const declared = descriptor.outputPorts?.flatMap((p) => (p.slos ?? []).map((s) => ({ port: p.name, metric: s.metric }))) ?? [];
  const issues: { pointer: string; message: string }[] = [];
  const records = inputs.flatMap((c, i): SloCheckRecord[] => {
    const matches = declared.filter((d) => d.metric === c.metric && (c.port === undefined || d.port === c.port));
    const [match] = matches;
    if (!match || matches.length > 1) {
      const message = !match
        ? `declares no SLO on metric ${JSON.stringify(c.metric)}${c.port === undefined ? '' : ` of port ${JSON.stringify(c.port)}`}`
        : `declares metric ${JSON.stringify(c.metric)} on several ports (${matches.map((m) => m.port).join(', ')}); name the port`;
      issues.push({ pointer: pointerOf(i) + toPointer(['metric']), message: `the product ${message}` });
      return [];
    }
    const guarantee = `${match.port}/${match.metric}`;
    const at = instant(c.at);
    return [{ key: [product, guarantee, at].join('\n'), product, guarantee, passed: c.passed, at, ...(c.value !== undefined && { value: c.value }) }];
  });
  if (issues.length > 0) throw new ValidationError(`Invalid SLO checks: ${issues[0]?.pointer} ${issues[0]?.message}`, issues);
  const result = report(await deps.graph.recordSloChecks(records));
  await refresh(deps, [product]);
  return result;
}
