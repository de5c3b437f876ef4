/** A JSON object, as the importers read an (already schema-valid) source document. */
export type Json = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export const isJson = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The value when it is an object, else an empty one: optional parts read without guards. */
export const jsonOf = (value: unknown): Json => (isJson(value) ? value : {});
/** The value when it is an array, else an empty one. */
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A non-blank string, trimmed; undefined for anything else. */
export const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
