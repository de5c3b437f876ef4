import { describe, expect, it } from 'vitest';
import { datasetIri, domainIri, parseDescriptor, portIri, teamIri } from '@quanta/model';
import { conceptLabel, productGraph, productOf } from './product-graph.js';

const P = 'https://d.example/products/play-sessions';
const d = parseDescriptor({
  id: P,
  name: 'play-sessions',
  title: 'Play sessions',
  domain: 'player',
  owner: { team: 'player-analytics' },
  concepts: ['https://d.example/ontology/Listener'],
  outputPorts: [{ name: 'table', kind: 'table', lineage: [{ namespace: 'bq://x', name: 'player.sessions' }] }],
  inputPorts: [
    { product: 'https://d.example/products/play-events#stream' },
    { product: 'https://d.example/products/play-events' },
    { product: `${P}#table` },
    { lineage: { namespace: 'pg://player', name: 'public.devices' } },
  ],
});

describe('productGraph', () => {
  const g = productGraph(d);

  it('owns the product and its ports', () => {
    expect(g.owned.map((n) => [n.kind, n.iri])).toEqual([
      ['DataProduct', P],
      ['OutputPort', portIri(P, 'table')],
    ]);
  });

  it('points at shared domain and team nodes and stub upstreams, once each', () => {
    expect(g.edges).toEqual([
      { from: P, type: 'inDomain', to: domainIri('player') },
      { from: P, type: 'ownedBy', to: teamIri('player-analytics') },
      { from: P, type: 'hasOutputPort', to: portIri(P, 'table') },
      { from: portIri(P, 'table'), type: 'exposesDataset', to: datasetIri('bq://x', 'player.sessions') },
      { from: P, type: 'consumes', to: 'https://d.example/products/play-events' },
      { from: P, type: 'readsDataset', to: datasetIri('pg://player', 'public.devices') },
      { from: P, type: 'about', to: 'https://d.example/ontology/Listener' },
    ]);
    expect(g.referenced.find((n) => n.iri === 'https://d.example/products/play-events')).toMatchObject({ kind: 'DataProduct', stub: true });
    expect(g.referenced.find((n) => n.kind === 'Domain')).toMatchObject({ stub: false, label: 'player' });
  });

  it('never makes a product consume itself', () => {
    expect(g.edges.filter((e) => e.type === 'consumes' && e.to === P)).toEqual([]);
  });
});

describe('helpers', () => {
  it('strips the port fragment from a product reference', () => {
    expect(productOf('https://d.example/p#stream')).toBe('https://d.example/p');
    expect(productOf('https://d.example/p')).toBe('https://d.example/p');
  });

  it('labels a concept by its last IRI segment', () => {
    expect(conceptLabel('https://d.example/ontology/Listener')).toBe('Listener');
    expect(conceptLabel('https://d.example/ontology#Track')).toBe('Track');
    expect(conceptLabel('urn:x:Podcast%20Episode')).toBe('Podcast Episode');
  });
});

describe('productGraph with what the semantic layer found', () => {
  const LISTENER = 'https://d.example/ontology/Listener';
  const LOCAL = 'https://d.example/ontology/player#Listener';
  const g = productGraph(d, {
    findings: [],
    concepts: [
      { iri: LISTENER, label: 'Listener', defined: false },
      { iri: LOCAL, label: 'Listener (player)', defined: true },
    ],
    equivalences: [
      { from: LOCAL, to: LISTENER, relation: 'owl:sameAs' },
      { from: LOCAL, to: 'https://d.example/ontology/Hoerer', relation: 'skos:exactMatch' },
      { from: LOCAL, to: portIri(P, 'table'), relation: 'owl:sameAs' },
      { from: LOCAL, to: 'https://d.example/products/play-events', relation: 'owl:sameAs' },
      { from: LOCAL, to: LOCAL, relation: 'owl:sameAs' },
    ],
  });

  it('links the product to every concept with its label; a concept the model defines is no stub', () => {
    expect(g.edges.filter((e) => e.type === 'about').map((e) => e.to)).toEqual([LISTENER, LOCAL]);
    expect(g.referenced.find((n) => n.iri === LOCAL)).toEqual({ iri: LOCAL, kind: 'Concept', label: 'Listener (player)', stub: false });
    expect(g.referenced.find((n) => n.iri === LISTENER)).toMatchObject({ stub: true });
  });

  it('declares sameAs edges between concepts only: never to its ports, upstream products or itself', () => {
    expect(g.edges.filter((e) => e.type === 'sameAs')).toEqual([
      { from: LOCAL, type: 'sameAs', to: LISTENER },
      { from: LOCAL, type: 'sameAs', to: 'https://d.example/ontology/Hoerer' },
    ]);
    expect(g.referenced.find((n) => n.iri === 'https://d.example/ontology/Hoerer')).toMatchObject({ kind: 'Concept', stub: true, label: 'Hoerer' });
  });
});

