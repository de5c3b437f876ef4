import { createHash } from 'node:crypto';
import type { Descriptor } from '@quanta/model';

/**
 * SHA-256 over the descriptor serialised with sorted keys, so key order and formatting (JSON or
 * YAML) never count as a change. Array order does count: it is meaningful (ports, fields).
 */
export function descriptorHash(descriptor: Descriptor): string {
  return canonicalSha256(descriptor);
}

/**
 * The hash of a revision: the descriptor's, with the semantic model replaced by the hash of its
 * canonical RDF (URDNA2015). Re-serialising a model (Turtle for JSON-LD, other blank node labels,
 * another triple order) is therefore no change; a different graph is.
 */
export function revisionHash(descriptor: Descriptor, modelHash: string | undefined): string {
  if (descriptor.semanticModel === undefined || modelHash === undefined) return descriptorHash(descriptor);
  const { semanticModel: _model, semanticModelFormat: _format, ...rest } = descriptor;
  return canonicalSha256({ ...rest, semanticModelHash: modelHash });
}

/** SHA-256 (hex) of {@link canonicalJson}: the same value hashes the same whatever its key order. */
export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON with object keys sorted at every level and `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    // fromEntries defines own members, so a "__proto__" key is kept instead of setting the prototype.
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}
