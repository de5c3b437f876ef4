import { describe, expect, it } from 'vitest';
import type { GraphNode } from '@quanta/core';
import { NodeLoader } from './node-loader.js';

const node = (iri: string): GraphNode => ({ iri, kind: 'DataProduct', label: iri, stub: false });

/** A loader over nodes `a..`, recording the IRIs of each read. */
function loader(known = (iri: string) => iri !== 'missing', fail = false) {
  const reads: string[][] = [];
  const nodes = new NodeLoader(async (iris) => {
    reads.push([...iris]);
    if (fail) throw new Error('server gone');
    return new Map(iris.filter(known).map((iri) => [iri, node(iri)] as const));
  });
  return { nodes, reads };
}

describe('NodeLoader', () => {
  it('reads the nodes asked for in one turn together, each IRI once, each caller its own answer', async () => {
    const { nodes, reads } = loader();
    const got = await Promise.all(['p1', 'p2', 'missing', 'p1'].map((iri) => nodes.load(iri)));
    expect(got).toEqual([node('p1'), node('p2'), undefined, node('p1')]);
    expect(reads).toEqual([['p1', 'p2', 'missing']]);
  });

  it('starts a new read for calls made after the last one was sent', async () => {
    const { nodes, reads } = loader();
    expect(await nodes.load('p1')).toEqual(node('p1'));
    expect(await nodes.load('p1')).toEqual(node('p1'));
    expect(reads).toEqual([['p1'], ['p1']]);
  });

  it('splits a turn of more than 1,000 IRIs into reads of 1,000', async () => {
    const { nodes, reads } = loader();
    const iris = Array.from({ length: 2001 }, (_, i) => `p${i}`);
    expect((await Promise.all(iris.map((iri) => nodes.load(iri)))).every((n, i) => n?.iri === iris[i])).toBe(true);
    expect(reads.map((r) => r.length)).toEqual([1000, 1000, 1]);
  });

  it('hands a failed read’s error to every caller of its batch', async () => {
    const { nodes } = loader(undefined, true);
    const settled = await Promise.allSettled([nodes.load('p1'), nodes.load('p2')]);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as Error).message)).toEqual(['server gone', 'server gone']);
  });
});
