import { canonicalJson } from '../projections/descriptor-hash.js';

/** One facet as stored: its value and the event it came from. */
export interface StoredFacet {
  readonly value: unknown;
  readonly eventTime: string;
  readonly hash: string;
}

/** A node's facets as stored, by facet name. */
export type StoredFacets = Readonly<Record<string, StoredFacet>>;

/**
 * Merges the facets of one event into a node's stored facets, the rule every adapter applies:
 * each facet keeps the value of the latest event by eventTime (ties broken by event hash), so the
 * result does not depend on arrival order. A facet an event does not mention stays as it was.
 * @returns the merged facets; `changed`: the facets a newer event now holds (store them again);
 *   `reshaped`: those of them whose value differs from the one held (re-derive what depends on the
 *   value, such as a schema's field nodes: a job re-running with the same schema reshapes nothing)
 */
export function mergeFacets(
  current: StoredFacets,
  incoming: Readonly<Record<string, unknown>>,
  eventTime: string,
  hash: string,
): { readonly facets: StoredFacets; readonly changed: readonly string[]; readonly reshaped: readonly string[] } {
  const facets: Record<string, StoredFacet> = { ...current };
  const changed: string[] = [];
  const reshaped: string[] = [];
  for (const [name, value] of Object.entries(incoming)) {
    const held = current[name];
    if (held && (held.eventTime > eventTime || (held.eventTime === eventTime && held.hash >= hash))) continue;
    define(facets, name, { value, eventTime, hash });
    changed.push(name);
    if (!held || !sameValue(held.value, value)) reshaped.push(name);
  }
  return { facets, changed, reshaped };
}

/** Equal as JSON values; a producer re-sends a facet as it was, so the plain text settles most. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

/** The facets as a reader sees them: values only, facets deleted with `_deleted: true` left out. */
export function currentFacets(stored: StoredFacets): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(stored).sort()) {
    const value = stored[name]?.value;
    if (!(value && typeof value === 'object' && (value as { _deleted?: unknown })._deleted === true)) define(out, name, value);
  }
  return out;
}

/** Sets an own member, so a facet named "__proto__" is a facet and not the object's prototype. */
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
