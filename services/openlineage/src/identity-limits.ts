import { toPointer } from '@quanta/model';
import { isJsonObject, type JsonObject, type LineageEventKind } from './event-kind.js';
import type { LocatedIssue } from './issues.js';

/**
 * Bounds on what an event names, beyond the spec (which has none): every name becomes an IRI and
 * a key in the graph's indexes (Neo4j refuses index keys over ~8 KB), and an empty one names
 * nothing. Sized well past what real producers send: Spark and dbt names run to a few hundred
 * characters at most, and a job's inputs and outputs to dozens.
 */
export const LINEAGE_LIMITS = Object.freeze({
  /** Characters in a namespace, a job or dataset name, a field name. */
  name: 512,
  /** Inputs, and outputs, of one event. */
  datasets: 1000,
  /** Fields in one `schema.fields` array (nested ones count in their own array), and column-lineage fields. */
  fields: 10_000,
  /** Input fields of one column-lineage field. */
  inputFields: 1000,
});

/**
 * Every limit an event that passed the schema breaks, located. Deleted facets (`_deleted: true`)
 * hold no names and are not read.
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

class Checker {
  constructor(private readonly issues: LocatedIssue[]) {}

  issue(path: readonly PropertyKey[], rule: string): void {
    this.issues.push({ pointer: toPointer(path), rule, summary: false });
  }

  name(value: unknown, path: readonly PropertyKey[]): void {
    if (typeof value !== 'string') return; // the schema has reported it
    if (value.length === 0) this.issue(path, 'must not be empty');
    else if (value.length > LINEAGE_LIMITS.name) this.issue(path, `is ${value.length} characters long; at most ${LINEAGE_LIMITS.name}`);
  }

  identity(owner: unknown, path: readonly PropertyKey[]): void {
    if (!isJsonObject(owner)) return;
    this.name(owner.namespace, [...path, 'namespace']);
    this.name(owner.name, [...path, 'name']);
  }

  dataset(dataset: unknown, path: readonly PropertyKey[]): void {
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
  private schemaFields(top: unknown, topPath: readonly PropertyKey[]): void {
    const stack: { fields: unknown; path: readonly PropertyKey[] }[] = [{ fields: top, path: topPath }];
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      if (!Array.isArray(at.fields)) continue;
      if (at.fields.length > LINEAGE_LIMITS.fields) {
        this.issue(at.path, `holds ${at.fields.length} fields; at most ${LINEAGE_LIMITS.fields}`);
        continue;
      }
      at.fields.forEach((field: unknown, i) => {
        if (!isJsonObject(field)) return;
        this.name(field.name, [...at.path, i, 'name']);
        stack.push({ fields: field.fields, path: [...at.path, i, 'fields'] });
      });
    }
  }

  private columnLineage(fields: unknown, path: readonly PropertyKey[]): void {
    if (!isJsonObject(fields)) return;
    const names = Object.keys(fields);
    if (names.length > LINEAGE_LIMITS.fields) return this.issue(path, `holds ${names.length} fields; at most ${LINEAGE_LIMITS.fields}`);
    for (const name of names) {
      this.name(name, [...path, name]);
      const inputs = live(fields[name])?.inputFields;
      if (!Array.isArray(inputs)) continue;
      if (inputs.length > LINEAGE_LIMITS.inputFields) {
        this.issue([...path, name, 'inputFields'], `holds ${inputs.length} input fields; at most ${LINEAGE_LIMITS.inputFields}`);
        continue;
      }
      inputs.forEach((input: unknown, i) => {
        if (!isJsonObject(input)) return;
        this.identity(input, [...path, name, 'inputFields', i]);
        this.name(input.field, [...path, name, 'inputFields', i, 'field']);
      });
    }
  }
}

/** An object that is not a deletion marker, else undefined. */
function live(value: unknown): JsonObject | undefined {
  return isJsonObject(value) && value._deleted !== true ? value : undefined;
}
