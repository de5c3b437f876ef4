import { singular, words } from './tokens.js';

/** The logical type class a column's declared type falls in: columns only match within a class. */
export type TypeClass = 'string' | 'number' | 'temporal' | 'boolean' | 'complex';

/** The type classes in a fixed order, so a class is also a small integer. */
export const TYPE_CLASSES: readonly TypeClass[] = ['string', 'number', 'temporal', 'boolean', 'complex'];

/** A column as duplicate detection compares it: its normalised name and its type class. */
export interface ColumnSignature {
  /** The normalised name, words joined by `_` (`CustomerIDs_tmp` → `customer_id`). */
  readonly token: string;
  readonly type: TypeClass;
  /**
   * The concept the column links, if any: the mesh's glossary. Two columns linking the same
   * concept name the same thing, however differently they are spelled (`client_id`, `customer_id`).
   */
  readonly concept?: string;
}

// Avro, SQL, JSON Schema, Parquet and Spark spellings. Parameters (`decimal(10,2)`,
// `array<string>`) are cut off before matching, so only the base name counts.
const NUMBER = /^(u?int\d*|integer|tinyint|smallint|mediumint|bigint|long|short|byte|decimal\d*|dec|numeric|number|double( precision)?|float\d*|real|money|(small|big)?serial)$/;
const TEMPORAL = /^(local-)?(date|time|timestamp|datetime|interval|duration)(\d+|tz|_[nlt]?tz|-(millis|micros|nanos)| with(out)? time zone)?$/;
const BOOLEAN = /^(bool|boolean)$/;
const COMPLEX = /^(array|list|map|record|struct|object|json|jsonb|variant|union|tuple|enum-array)$/;

/**
 * The type class of a declared type name: numbers (int, long, bigint, decimal, double, float,
 * numeric…), temporal (date, time, timestamp, timestamp-millis, datetime…), boolean, complex
 * (array, map, record, struct, object, json, or anything with `[]`), and string for the rest,
 * which is also the class of unknown or vendor-specific names.
 */
export function typeClass(type: string): TypeClass {
  const t = type.trim().toLowerCase();
  if (t.endsWith('[]')) return 'complex';
  const base = t.replace(/[(<[].*$/, '').trim();
  if (NUMBER.test(base)) return 'number';
  if (TEMPORAL.test(base)) return 'temporal';
  if (BOOLEAN.test(base)) return 'boolean';
  if (COMPLEX.test(base)) return 'complex';
  return 'string';
}

/**
 * Words that mark a copy or a stage rather than meaning: `tbl`, `tmp`/`temp`, `bak`/`backup`,
 * `copy`, `old`, `new`, `stg`, `dup`, and versions `v1`, `v2`…. `raw` is kept: `raw_payload` and
 * `payload` usually hold different things.
 */
const STOP_TOKENS: ReadonlySet<string> = new Set(['tbl', 'tmp', 'temp', 'bak', 'backup', 'copy', 'old', 'new', 'stg', 'dup']);
const isStopToken = (w: string): boolean => STOP_TOKENS.has(w) || /^v\d+$/.test(w);

/**
 * A column's signature (§B.5.1): the name lowercased and split at camelCase, `_`, `-` and `.`,
 * stop-tokens dropped (unless nothing else is left), each word singular and mapped through the
 * glossary (`cust` → `customer`, or the whole name: `inserted_at` → `created_at`), joined with `_`;
 * its type class; and the concept it links.
 */
export function columnSignature(name: string, type: string, glossary?: ReadonlyMap<string, string>, concept?: string): ColumnSignature {
  const all = words(name);
  const kept = all.filter((w) => !isStopToken(w));
  const singulars = (kept.length > 0 ? kept : all).map(singular);
  // A whole name the glossary knows (`inserted_at`), else word by word (`client` in `client_id`).
  const token = glossary?.get(singulars.join('_')) ?? singulars.map((w) => glossary?.get(w) ?? w).join('_');
  return { token, type: typeClass(type), ...(concept !== undefined && { concept }) };
}

/** The key a column signature is compared and hashed by: `number:amount`. */
export const columnKey = (c: ColumnSignature): string => `${c.type}:${c.token}`;
