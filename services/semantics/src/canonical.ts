import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { ValidationError } from '@quanta/model';
import { toNQuads } from './nquads.js';

const canonize = (jsonld as unknown as { canonize(input: string, options: Record<string, unknown>): Promise<string> }).canonize;

/**
 * The canonical N-Quads of a graph (RDF Dataset Canonicalization, RDFC-1.0 — the W3C name of
 * URDNA2015, which jsonld 9 still accepts as an alias and computes identically). Blank node
 * labels and quad order no longer matter: equal graphs give equal text.
 * rdf-canonize's default work limit stays on, so a "poison" graph built to make canonicalisation
 * exponential is refused instead of burning the CPU.
 * @throws ValidationError when the graph is too tangled to canonicalise within that limit
 */
export async function canonicalNQuads(quads: readonly Quad[]): Promise<string> {
  try {
    return await canonize(toNQuads(quads), { inputFormat: 'application/n-quads', canonizeOptions: { algorithm: 'RDFC-1.0' } });
  } catch (error) {
    const message = `the graph cannot be canonicalised: ${error instanceof Error ? error.message : String(error)}`;
    throw new ValidationError(`Invalid semantic model: ${message}`, [{ pointer: '/semanticModel', message }]);
  }
}

/** SHA-256 (hex) of the canonical N-Quads: the semantic model's hash for change detection (ADR 0006). */
export async function graphHash(quads: readonly Quad[]): Promise<string> {
  return createHash('sha256').update(await canonicalNQuads(quads)).digest('hex');
}

/** Two graphs are isomorphic exactly when their canonical N-Quads are equal. */
export async function isIsomorphic(a: readonly Quad[], b: readonly Quad[]): Promise<boolean> {
  return (await canonicalNQuads(a)) === (await canonicalNQuads(b));
}
