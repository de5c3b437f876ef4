import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../ports/knowledge-graph.js';
import { pages } from './catalog-pages.js';

/** A keyset-paged listing over sorted keys, recording what it was asked. */
function listing(keys: readonly string[]) {
  const asked: PageRequest[] = [];
  const read = async (page: PageRequest): Promise<Page<string>> => {
    asked.push(page);
    const rest = keys.filter((k) => page.after === undefined || k > page.after);
    const items = rest.slice(0, page.limit);
    return rest.length > page.limit ? { items, next: items.at(-1) } : { items };
  };
  return { asked, read };
}

async function collect<T>(source: AsyncGenerator<readonly T[]>): Promise<(readonly T[])[]> {
  const out: (readonly T[])[] = [];
  for await (const page of source) out.push(page);
  return out;
}

describe('pages', () => {
  it('walks every page in order, each asked for after the last key of the one before', async () => {
    const { asked, read } = listing(['a', 'b', 'c', 'd', 'e']);
    expect(await collect(pages(read, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(asked).toEqual([{ limit: 2 }, { after: 'b', limit: 2 }, { after: 'd', limit: 2 }]);
  });

  it('yields one empty page for an empty listing and stops', async () => {
    const { asked, read } = listing([]);
    expect(await collect(pages(read, 10))).toEqual([[]]);
    expect(asked).toHaveLength(1);
  });

  it('reads no further page once the caller stops', async () => {
    const { asked, read } = listing(['a', 'b', 'c', 'd']);
    for await (const page of pages(read, 1)) if (page[0] === 'b') break;
    expect(asked).toHaveLength(2);
  });
});
