import { createHash } from 'node:crypto';
import type { Descriptor } from '@quanta/model';

/**
 * SHA-256 over the descriptor serialised with sorted keys, so key order and formatting (JSON or
 * YAML) never count as a change. Array order does count: it is meaningful (ports, fields).
 */
export function descriptorHash(descriptor: Descriptor): string {
  return createHash('sha256').update(canonicalJson(descriptor)).digest('hex');
}

/** JSON with object keys sorted at every level and `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
