import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';

/** Quads as an N-Quads string (one quad a line), the form canonicalisation and `jsonld.fromRDF` read. */
export function toNQuads(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Quads' }).quadsToString([...quads]);
}
