import { type Iri, type Product, teamIri } from '@quanta/model';

/** A domain no product or team can be placed in. */
export const UNKNOWN_DOMAIN = 'unknown';

/**
 * Where every product and team of the catalog sits, for reports that count consumers by domain:
 * a product's own domain; a team's home domain, where it owns the most products (retired ones
 * included, since they still say where the team sits; ties go to the alphabetically first).
 */
export class DomainIndex {
  private readonly productDomain = new Map<Iri, string>();
  private readonly teamDomains = new Map<Iri, Map<string, number>>();
  private homes: Map<Iri, string> | undefined;

  /** Notes one product (any status). */
  add(product: Product): void {
    const d = product.descriptor;
    this.productDomain.set(product.iri, d.domain);
    const team = teamIri(d.owner.team);
    const counts = this.teamDomains.get(team) ?? new Map<string, number>();
    this.teamDomains.set(team, counts.set(d.domain, (counts.get(d.domain) ?? 0) + 1));
    this.homes = undefined;
  }

  /** The domain of a consumer: a product's, a team's home, else {@link UNKNOWN_DOMAIN}. */
  domainOf(consumer: Iri): string {
    this.homes ??= new Map([...this.teamDomains].map(([team, counts]) => [team, homeDomain(counts)]));
    return this.productDomain.get(consumer) ?? this.homes.get(consumer) ?? UNKNOWN_DOMAIN;
  }
}

/** The domain with the most products, ties to the alphabetically first. */
function homeDomain(counts: ReadonlyMap<string, number>): string {
  let best: [string, number] = [UNKNOWN_DOMAIN, 0];
  for (const [domain, n] of counts) if (n > best[1] || (n === best[1] && domain < best[0])) best = [domain, n];
  return best[0];
}
