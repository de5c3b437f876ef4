import { toPointer } from '@quanta/model';
import { isJsonObject, type JsonObject, type LineageEventKind } from './event-kind.js';
import type { LocatedIssue } from './issues.js';

/**
 * Bounds on what an event names, beyond the spec (which has none): every name becomes an IRI and
 * a key in the graph's indexes, and an empty one names nothing. Neo4j's range indexes refuse a key
 * over 8,164 bytes (measured on 5.26) and the longest key is a field's IRI, three names each
 * percent-encoded (up to 3 characters a byte): 3 × 3 × 768 bytes and the prefix stay under 7,000.
 * Sized well past what real producers send: Spark and dbt names run to a few hundred characters
 * at most, and a job's inputs and outputs to dozens.
 */
export const LINEAGE_LIMITS = Object.freeze({
  /** Characters (UTF-16 code units, as JSON Schema's maxLength counts) in a namespace, a job or dataset name, a field name. */
  name: 512,
  /**
   * UTF-8 bytes in one name: any 512 ASCII characters, 384 of two bytes (Latin accents, Cyrillic),
   * 256 of three (CJK). A nested schema field's dotted name (`address.city`) is held to both bounds,
   * since that is the name its IRI and column lineage use.
   */
  nameBytes: 768,
  /** Inputs, and outputs, of one event. */
  datasets: 1000,
  /** Fields in one `schema.fields` array (nested ones count in their own array), and column-lineage fields. */
  fields: 10_000,
  /** Input fields of one column-lineage field. */
  inputFields: 1000,
});

type Path = readonly PropertyKey[];

/**
 * Every limit an event that passed the schema breaks, located. Deleted facets (`_deleted: true`)
 * hold no names and are not read. Locations are kept as key arrays and spelled as JSON Pointers
 * only for a name that breaks a rule: this runs on every ingested event.
 */
export function limitIssues(event: JsonObject, kind: LineageEventKind): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const check = new Checker(issues);
  if (kind === 'dataset') check.dataset(event.dataset, ['dataset']);
  else check.identity(event.job, ['job']);
  for (const side of ['inputs', 'outputs'] as const) {
    const datasets = event[side];
    if (!Array.isArray(datasets)) continue;
    if (datasets.length > LINEAGE_LIMITS.datasets) check.issue([side], `holds ${datasets.length} datasets; at most ${LINEAGE_LIMITS.datasets}`);
    else datasets.forEach((d, i) => check.dataset(d, [side, i]));
  }
  return issues;
}

/** A list of schema fields to check, where it is, and the dotted name of the field holding it. */
interface FieldsFrame {
  readonly fields: unknown;
  readonly path: Path;
  /** `address.` for the fields of `address`; empty at the top. */
  readonly prefix: string;
}

class Checker {
  constructor(private readonly issues: LocatedIssue[]) {}

  issue(path: Path, rule: string): void {
    this.issues.push({ pointer: toPointer(path), rule, summary: false });
  }

  /** Checks the name at `path`/`key` (joined only on a hit); true when it is within bounds. */
  name(value: unknown, path: Path, key: PropertyKey): boolean {
    if (typeof value !== 'string') return true; // the schema has reported it
    const rule = value.length === 0 ? 'must not be empty' : oversize(value, '');
    if (rule !== undefined) this.issue([...path, key], rule);
    return rule === undefined;
  }

  identity(owner: unknown, path: Path): void {
    if (!isJsonObject(owner)) return;
    this.name(owner.namespace, path, 'namespace');
    this.name(owner.name, path, 'name');
  }

  dataset(dataset: unknown, path: Path): void {
    if (!isJsonObject(dataset)) return;
    this.identity(dataset, path);
    const facets = live(dataset.facets);
    if (!facets) return;
    const schema = live(facets.schema);
    if (schema) this.schemaFields(schema.fields, [...path, 'facets', 'schema', 'fields']);
    const columns = live(facets.columnLineage);
    if (columns) this.columnLineage(columns.fields, [...path, 'facets', 'columnLineage', 'fields']);
  }

  /** A schema's fields, nested ones included, walked with a stack: the screen bounded their depth. */
  private schemaFields(top: unknown, topPath: Path): void {
    const stack: FieldsFrame[] = [{ fields: top, path: topPath, prefix: '' }];
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      const { fields, path, prefix } = at;
      if (!Array.isArray(fields)) continue;
      if (fields.length > LINEAGE_LIMITS.fields) {
        this.issue(path, `holds ${fields.length} fields; at most ${LINEAGE_LIMITS.fields}`);
        continue;
      }
      fields.forEach((field: unknown, i) => {
        if (!isJsonObject(field) || typeof field.name !== 'string') return;
        if (!this.name(field.name, [...path, i], 'name')) return;
        const dotted = prefix + field.name;
        // Each name may be short and the chain they make still too long for an IRI; once it is, every
        // field below it is too, so they are not reported again.
        const tooLong = prefix === '' ? undefined : oversize(dotted, 'names a nested field whose dotted name ');
        if (tooLong !== undefined) return this.issue([...path, i, 'name'], tooLong);
        if (Array.isArray(field.fields)) stack.push({ fields: field.fields, path: [...path, i, 'fields'], prefix: `${dotted}.` });
      });
    }
  }

  private columnLineage(fields: unknown, path: Path): void {
    if (!isJsonObject(fields)) return;
    const names = Object.keys(fields);
    if (names.length > LINEAGE_LIMITS.fields) return this.issue(path, `holds ${names.length} fields; at most ${LINEAGE_LIMITS.fields}`);
    for (const name of names) {
      this.name(name, path, name);
      const inputs = live(fields[name])?.inputFields;
      if (!Array.isArray(inputs)) continue;
      if (inputs.length > LINEAGE_LIMITS.inputFields) {
        this.issue([...path, name, 'inputFields'], `holds ${inputs.length} input fields; at most ${LINEAGE_LIMITS.inputFields}`);
        continue;
      }
      inputs.forEach((input: unknown, i) => {
        if (!isJsonObject(input)) return;
        const at = [...path, name, 'inputFields', i];
        this.identity(input, at);
        this.name(input.field, at, 'field');
      });
    }
  }
}

/** The rule a non-empty name breaks by its size, if any; `what` names what is measured when it is not the value itself. */
function oversize(value: string, what: string): string | undefined {
  if (value.length > LINEAGE_LIMITS.name) return `${what}is ${value.length} characters long; at most ${LINEAGE_LIMITS.name}`;
  // Three bytes a code unit at most, so most names need no count.
  if (value.length * 3 <= LINEAGE_LIMITS.nameBytes) return undefined;
  const bytes = utf8Length(value);
  if (bytes <= LINEAGE_LIMITS.nameBytes) return undefined;
  return `${what}is ${bytes} bytes long in UTF-8; at most ${LINEAGE_LIMITS.nameBytes} (a character outside ASCII takes 2 to 4)`;
}

/** UTF-8 length of a well-formed string (the screen refused lone surrogates): a surrogate pair is 4 bytes. */
function utf8Length(value: string): number {
  let bytes = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) continue;
    // Two bytes below U+0800; each half of a pair adds one (2 + 2); the rest of the BMP adds two (3).
    bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** An object that is not a deletion marker, else undefined. */
function live(value: unknown): JsonObject | undefined {
  return isJsonObject(value) && value._deleted !== true ? value : undefined;
}
