import type { SynonymGroup } from '@quanta/core';

/**
 * Synonym groups as Meilisearch's `synonyms` setting, a map from a term to the terms it also
 * matches: within a group every term leads to every other (a mutual group), and a term in several
 * groups leads to the terms of all of them. Terms are trimmed, lower-cased and their spaces
 * collapsed, so one typed twice is one key; groups left with fewer than two terms say nothing.
 *
 * @example synonymMap([['customer', 'listener']]) // { customer: ['listener'], listener: ['customer'] }
 */
export function synonymMap(groups: readonly SynonymGroup[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = new Set(group.map((term) => term.trim().toLowerCase().replace(/\s+/g, ' ')).filter((term) => term.length > 0));
    if (terms.size < 2) continue;
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others].sort()]));
}
