import { describe, expect, it } from 'vitest';
import { runSemanticLayerContract } from '@quanta/core/testing';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';

runSemanticLayerContract('JsonLdSemanticLayer', { create: () => JsonLdSemanticLayer.create() });

describe('JsonLdSemanticLayer.create', () => {
  it('fails at start on shapes that are not Turtle: a broken deployment, not bad input', () => {
    expect(() => JsonLdSemanticLayer.create({ shapes: 'this is not turtle' })).toThrow(/Turtle syntax error on line 1/);
  });

  it('needs the Quanta context among the pinned ones, since the projection is read through it', () => {
    expect(() => JsonLdSemanticLayer.create({ shapes: '', contexts: new Map() })).toThrow(/Quanta context/);
  });
});
