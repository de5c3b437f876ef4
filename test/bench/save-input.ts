import { descriptorHash, productGraph, type SaveProductInput } from '@quanta/core';
import { parseDescriptor } from '@quanta/model';

/**
 * A product as the graph stores it, without the semantic analysis a registration runs: for
 * benchmarks that load a large catalog through `saveProducts` and measure what comes after.
 */
export function toSaveInput(raw: unknown): SaveProductInput {
  const descriptor = parseDescriptor(raw);
  return {
    revision: { iri: descriptor.id, descriptor, hash: descriptorHash(descriptor), recordedAt: '2026-11-22T00:00:00.000Z', recordedBy: 'bench' },
    graph: productGraph(descriptor),
  };
}
