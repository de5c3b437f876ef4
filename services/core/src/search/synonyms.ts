import type { Iri } from '@quanta/model';
import type { SameAsLink, KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { SearchIndex, SynonymGroup } from '../ports/search-index.js';

/** Equivalences read at most: far above a real mesh's, and a bound on what one refresh costs. */
const MAX_EQUIVALENCES = 20_000;
/** Terms one group keeps at most: a hub concept everything is declared the same as would make every word a synonym of every other. */
const MAX_TERMS = 12;

/**
 * A concept label as a search term: lower case, without the qualifier in parentheses that tells
 * two domains' concepts apart ("Show (player)" → "show"), since nobody types it.
 */
export function synonymTerm(label: string): string {
  return label
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Synonym groups from the mesh's `sameAs` links (owl:sameAs, skos:exactMatch, ... as the semantic
 * layer stores them): concepts linked directly or through others form one group, whose terms are
 * their distinct labels. Groups with one term say nothing and are left out; a group with more
 * than {@link MAX_TERMS} terms is cut to its first ones in order, so the result is deterministic.
 */
export function synonymGroups(pairs: readonly SameAsLink[]): SynonymGroup[] {
  const parent = new Map<Iri, Iri>();
  const root = (iri: Iri): Iri => {
    let r = iri;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(iri, r); // path halving is enough at these sizes
    return r;
  };
  const labels = new Map<Iri, string>();
  for (const { from, to } of pairs) {
    for (const node of [from, to]) {
      if (!parent.has(node.iri)) parent.set(node.iri, node.iri);
      if (!node.stub || !labels.has(node.iri)) labels.set(node.iri, node.label);
    }
    const [a, b] = [root(from.iri), root(to.iri)].sort();
    if (a !== undefined && b !== undefined && a !== b) parent.set(b, a);
  }
  const groups = new Map<Iri, Set<string>>();
  for (const iri of parent.keys()) {
    const term = synonymTerm(labels.get(iri) ?? '');
    if (term.length < 2) continue;
    const key = root(iri);
    const group = groups.get(key) ?? new Set<string>();
    group.add(term);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((terms) => [...terms].sort().slice(0, MAX_TERMS))
    .filter((terms) => terms.length > 1)
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * Keeps the index's synonyms level with the graph's equivalences: reads them, and writes the
 * groups only when they changed (a settings write can cost the engine more than a search).
 */
export class SynonymSync {
  private applied: string | undefined;

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly search: SearchIndex,
  ) {}

  /** @returns the groups now in force, and whether the graph held more equivalences than were read */
  async refresh(): Promise<{ groups: number; changed: boolean; truncated: boolean }> {
    const { pairs, truncated } = await this.graph.conceptEquivalences(MAX_EQUIVALENCES);
    const groups = synonymGroups(pairs);
    const key = JSON.stringify(groups);
    if (key === this.applied) return { groups: groups.length, changed: false, truncated };
    await this.search.setSynonyms(groups);
    this.applied = key;
    return { groups: groups.length, changed: true, truncated };
  }

  /** Forget what was applied: the next refresh writes (after the index was rebuilt or swapped). */
  invalidate(): void {
    this.applied = undefined;
  }
}
