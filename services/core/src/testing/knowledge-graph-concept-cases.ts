import { expect, it } from 'vitest';
import type { ProductSemantics } from '@quanta/model';
import type { KnowledgeGraph, SaveProductInput } from '../ports/knowledge-graph.js';
import { saveInput, testDescriptor } from './fixtures.js';

const LISTENER = 'https://test.example/ontology/Listener';
const PLAYER_LISTENER = 'https://test.example/ontology/player#Listener';

/** A registration whose semantic model declares `PLAYER_LISTENER sameAs LISTENER` (and defines what `defines` lists). */
function declaringSameAs(name: string, defines: readonly string[] = []): SaveProductInput {
  const base = saveInput(testDescriptor(name));
  const concept = (iri: string) => ({ iri, kind: 'Concept' as const, label: iri.split(/[#/]/).at(-1) ?? iri, stub: !defines.includes(iri) });
  return {
    ...base,
    graph: {
      ...base.graph,
      referenced: [...base.graph.referenced, concept(PLAYER_LISTENER), concept(LISTENER)],
      edges: [
        ...base.graph.edges,
        { from: base.revision.iri, type: 'about', to: PLAYER_LISTENER },
        { from: PLAYER_LISTENER, type: 'sameAs', to: LISTENER },
      ],
    },
  };
}

/**
 * The concept half of the KnowledgeGraph contract: equivalences are edges between concepts that
 * no product owns, declared by products; a definition makes a concept known; a revision keeps
 * what the semantic layer derived for it.
 */
export function conceptCases(graph: () => KnowledgeGraph): void {
  it('keeps a sameAs edge while any product still declares it', async () => {
    await graph().saveProduct(declaringSameAs('a'));
    await graph().saveProduct(declaringSameAs('b'));
    const both = await graph().traverse(LISTENER, { direction: 'in', types: ['sameAs'], depth: 1, maxNodes: 10 });
    expect(both.edges).toEqual([{ from: PLAYER_LISTENER, type: 'sameAs', to: LISTENER }]);
    await graph().saveProduct(saveInput(testDescriptor('a', { description: 'no model any more' })));
    expect((await graph().traverse(LISTENER, { direction: 'in', types: ['sameAs'], depth: 1, maxNodes: 10 })).edges).toHaveLength(1);
    await graph().saveProduct(saveInput(testDescriptor('b', { description: 'no model any more' })));
    expect((await graph().traverse(LISTENER, { direction: 'in', types: ['sameAs'], depth: 1, maxNodes: 10 })).edges).toEqual([]);
  });

  it('makes a mentioned concept known once a model defines it, and never forgets', async () => {
    await graph().saveProduct(declaringSameAs('mentions'));
    expect(await graph().getNode(LISTENER)).toMatchObject({ kind: 'Concept', stub: true });
    await graph().saveProduct(declaringSameAs('defines', [LISTENER]));
    expect(await graph().getNode(LISTENER)).toMatchObject({ kind: 'Concept', stub: false, label: 'Listener' });
    await graph().saveProduct(declaringSameAs('mentions-again'));
    expect(await graph().getNode(LISTENER)).toMatchObject({ stub: false });
  });

  it('refuses a sameAs edge between nodes that are not concepts it references', async () => {
    const base = saveInput(testDescriptor('x'));
    const bad = { ...base, graph: { ...base.graph, edges: [...base.graph.edges, { from: 'urn:quanta:team:testers', type: 'sameAs' as const, to: LISTENER }] } };
    await expect(graph().saveProduct(bad)).rejects.toThrow(/not owned/);
    expect(await graph().countProducts()).toBe(0);
  });

  it('stores what the semantic layer derived with the revision', async () => {
    const semantics: ProductSemantics = {
      findings: [{ severity: 'Warning', path: '/description', message: 'Describe it in at least 50 characters.' }],
      concepts: [{ iri: LISTENER, label: 'Listener', defined: true }],
      equivalences: [{ from: PLAYER_LISTENER, to: LISTENER, relation: 'owl:sameAs' }],
      modelHash: 'abc',
    };
    const input = saveInput(testDescriptor('semantic'));
    await graph().saveProduct({ ...input, revision: { ...input.revision, semantics } });
    expect((await graph().getProduct(input.revision.iri))?.semantics).toEqual(semantics);
    expect((await graph().getRevision(input.revision.iri, 1))?.semantics).toEqual(semantics);
    await graph().saveProduct(saveInput(testDescriptor('plain')));
    expect((await graph().getProduct(testDescriptor('plain').id))?.semantics).toBeUndefined();
  });
}
