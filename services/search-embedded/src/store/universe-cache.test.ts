import { testDocument } from '@quanta/core/testing';
import { describe, expect, it } from 'vitest';
import { DocumentTable } from './document-table.js';
import { FacetTable } from './facet-table.js';
import { UniverseCache } from './universe-cache.js';

function setup() {
  const documents = new DocumentTable();
  const facets = new FacetTable();
  const universes = new UniverseCache(facets, documents);
  const add = (name: string, domain: string): number => {
    const id = documents.add(testDocument(name, { domain }));
    facets.set(id, testDocument(name, { domain }));
    universes.added(id);
    return id;
  };
  const remove = (id: number): void => {
    universes.removed(id);
    documents.remove(id);
  };
  const inDomainX = {
    accepts: (id: number): boolean => {
      const allowed = new Uint8Array(facets.dictionary.size);
      allowed[facets.dictionary.idOf('domain', 'x')] = 1;
      return facets.anyIn(id, 'domain', allowed);
    },
  };
  const domainCount = (totals: Uint32Array | undefined, domain: string): number => totals?.[facets.dictionary.idOf('domain', domain)] ?? 0;
  return { universes, add, remove, inDomainX, domainCount };
}

describe('UniverseCache', () => {
  it('admits live documents passing the filter, learning as it is asked', () => {
    const { universes, add, remove, inDomainX } = setup();
    const a = add('a', 'x');
    const b = add('b', 'y');
    const universe = universes.get('x', inDomainX);
    expect([universe.admits(a), universe.admits(b)]).toEqual([true, false]);
    remove(a);
    expect(universe.admits(a)).toBe(false);
    const c = add('c', 'x');
    expect(universe.admits(c)).toBe(true);
  });

  it('computes facet totals from the second use on, and keeps them current through writes', () => {
    const { universes, add, remove, inDomainX, domainCount } = setup();
    const a = add('a', 'x');
    add('b', 'y');
    expect(universes.get('x', inDomainX).totals()).toBeUndefined();
    const universe = universes.get('x', inDomainX);
    expect(domainCount(universe.totals(), 'x')).toBe(1);
    add('c', 'x');
    add('d', 'y');
    remove(a);
    add('e', 'x');
    expect(domainCount(universe.totals(), 'x')).toBe(2);
    expect(domainCount(universe.totals(), 'y')).toBe(0);
  });
});
