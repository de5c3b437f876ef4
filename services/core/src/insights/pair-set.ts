import type { Iri } from '@quanta/model';
import type { PairScore } from '@quanta/ranking';
import { pairKey } from './overrides.js';

/**
 * The kept pairs (likely or possible) by pair and by product, so one product's pairs, and the
 * likely-duplicate component around it, are found without walking every pair of the mesh: a
 * registration then costs the same at 100k products as at 100.
 */
export class PairSet {
  private readonly byKey = new Map<string, PairScore>();
  private readonly neighbours = new Map<Iri, Set<Iri>>();

  get size(): number {
    return this.byKey.size;
  }

  clear(): void {
    this.byKey.clear();
    this.neighbours.clear();
  }

  add(pair: PairScore): void {
    this.byKey.set(pairKey(pair.a, pair.b), pair);
    for (const [x, y] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ] as const) {
      const set = this.neighbours.get(x) ?? new Set<Iri>();
      set.add(y);
      this.neighbours.set(x, set);
    }
  }

  get(a: Iri, b: Iri): PairScore | undefined {
    return this.byKey.get(pairKey(a, b));
  }

  delete(a: Iri, b: Iri): void {
    this.byKey.delete(pairKey(a, b));
    this.neighbours.get(a)?.delete(b);
    this.neighbours.get(b)?.delete(a);
  }

  /** Drops every pair of `iri`; returns the products it was paired with. */
  dropAll(iri: Iri): Iri[] {
    const others = [...(this.neighbours.get(iri) ?? [])];
    for (const other of others) this.delete(iri, other);
    this.neighbours.delete(iri);
    return others;
  }

  /** The pairs of `iri`, highest score first. */
  of(iri: Iri): PairScore[] {
    return [...(this.neighbours.get(iri) ?? [])].map((o) => this.get(iri, o) as PairScore).sort((x, y) => y.score - x.score);
  }

  all(): PairScore[] {
    return [...this.byKey.values()];
  }

  /** Every product reachable from `starts` over likely pairs, the starts included. */
  likelyComponent(starts: Iterable<Iri>): Set<Iri> {
    const seen = new Set<Iri>();
    const queue = [...starts];
    while (queue.length > 0) {
      const at = queue.pop() as Iri;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const next of this.neighbours.get(at) ?? []) if (!seen.has(next) && this.get(at, next)?.band === 'likely') queue.push(next);
    }
    return seen;
  }

  /** Every kept pair (likely or possible) among `members`. */
  among(members: ReadonlySet<Iri>): PairScore[] {
    const out: PairScore[] = [];
    for (const m of members) for (const o of this.neighbours.get(m) ?? []) if (m < o && members.has(o)) out.push(this.get(m, o) as PairScore);
    return out;
  }
}
