import { singular, words } from './tokens.js';

/** One glossary term: its preferred name and the other names people use for it. */
export interface GlossaryTerm {
  readonly preferred: string;
  readonly alternatives: readonly string[];
}

/** A name as column signatures spell it: its words, singular, joined with `_` (`Dates of birth` → `date_of_birth`). */
const spell = (name: string): string => words(name).map(singular).join('_');

/**
 * The glossary duplicate detection maps column names through (research/ranking.md §B.5.1), from
 * the mesh's own terms: each alternative name → its preferred name, both spelled as column
 * signatures are. A one-word name maps a word inside column names (`client_id` → `customer_id`);
 * a longer one maps a whole column name (`inserted_at` → `created_at`). A name two terms claim is
 * ambiguous and left out: the glossary must never make two different things look the same.
 */
export function glossaryFrom(terms: readonly GlossaryTerm[]): Map<string, string> {
  const claims = new Map<string, Set<string>>();
  for (const term of terms) {
    const preferred = spell(term.preferred);
    if (preferred === '') continue;
    for (const alternative of term.alternatives) {
      const name = spell(alternative);
      if (name === '' || name === preferred) continue;
      const set = claims.get(name) ?? new Set<string>();
      set.add(preferred);
      claims.set(name, set);
    }
  }
  const glossary = new Map<string, string>();
  for (const [name, preferred] of claims) if (preferred.size === 1) glossary.set(name, [...preferred][0] as string);
  // A preferred name that is itself another term's alternative would chain (payer → purchaser →
  // buyer → …) and mean something different at each hop: such mappings are left out too.
  return new Map([...glossary].filter(([, target]) => !glossary.has(target)));
}
