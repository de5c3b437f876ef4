import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, CompositionError, SUPERGRAPH_FILE } from '@quanta/gateway';
import { parse } from 'graphql';
import { SUBGRAPH_SDLS } from './subgraphs.js';

describe('the committed supergraph', () => {
  it('is what the subgraphs compose to now (run `npm run supergraph` after changing a schema)', () => {
    const composed = composeSupergraph(SUBGRAPH_SDLS);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8'), 'services/gateway/supergraph.graphql is stale: run `npm run supergraph`').toBe(composed);
    // Every subgraph extends the one entity, keyed by IRI.
    for (const name of ['CATALOG', 'LINEAGE', 'FEEDBACK', 'INSIGHTS']) expect(composed).toContain(`@join__type(graph: ${name}, key: "iri")`);
  });

  it('fails to compose, naming the clash, when two subgraphs define one field differently', () => {
    const clash = parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type DataProduct @key(fields: "iri") { iri: ID! name: Int }');
    expect(() => composeSupergraph([...SUBGRAPH_SDLS, { name: 'clash', typeDefs: clash }])).toThrow(CompositionError);
    expect(() => composeSupergraph([...SUBGRAPH_SDLS, { name: 'clash', typeDefs: clash }])).toThrow(/DataProduct\.name/);
  });
});
