import { isAbsoluteIri } from '@quanta/model';
import { Sensitivity, type Field } from './contract-common.js';
import { fieldOf, flagFacts, lookup, valueFacts, type Server } from './contract-ports.js';
import { isJson, jsonOf, listOf, textOf, type Json } from './json-reading.js';
import type { Carried, SloDraft } from './mapping.js';
import { qualityRule } from './quality-rules.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/**
 * A DCS model's fields as a port's fields (dcs.ts maps the rest of the contract): each read with
 * the definition its `$ref` names, its quality rules as SLOs, its lineage inputs gathered for the
 * product's input ports.
 */

/** One field's lineage input: an OpenLineage dataset it reads, and which field of it. */
export interface LineageInput {
  /** The `inputFields[]` entry, reported whole when the input-port limit cuts it. */
  readonly pointer: string;
  readonly namespace: string;
  readonly name: string;
  readonly description: string;
  readonly uses: readonly string[];
}

/** What the mapping of one contract shares while it walks the models. */
export interface Context {
  readonly source: SourceReader;
  readonly definitions: Record<string, Json>;
  readonly server: Server | undefined;
  readonly sensitivity: Sensitivity;
  readonly lineage: LineageInput[];
}

/**
 * Fields, nested ones (an object's `fields`, an array's `items.fields`) flattened with dotted
 * names, their quality rules as SLOs on `<model>.<field>`, their lineage inputs gathered.
 */
export function modelFields(fields: Json, pointer: string, prefix: string, model: string, ctx: Context): { fields: Carried<Field>[]; quality: Carried<SloDraft>[] } {
  const out = { fields: [] as Carried<Field>[], quality: [] as Carried<SloDraft>[] };
  for (const [key, value] of Object.entries(fields)) {
    const f = jsonOf(value);
    const at = `${pointer}${pointerOf(key)}`;
    const name = `${prefix}${key}`;
    out.fields.push(dcsField(f, at, name, ctx));
    out.quality.push(...listOf(f['quality']).map((r, j) => qualityRule(jsonOf(r), `${at}/quality/${j}`, `${model}.${name}`)));
    gatherLineage(jsonOf(f['lineage']), `${at}/lineage`, `${model}.${name}`, ctx.lineage);
    for (const [children, under] of [[f['fields'], `${at}/fields`], [jsonOf(f['items'])['fields'], `${at}/items/fields`]] as const) {
      const nested = modelFields(jsonOf(children), under, `${name}.`, model, ctx);
      out.fields.push(...nested.fields);
      out.quality.push(...nested.quality);
    }
  }
  return out;
}

const FLAGS = { primaryKey: 'primary key', primary: 'primary key', required: 'required', unique: 'unique' };
const VALUES = {
  format: 'format',
  pattern: 'pattern',
  enum: 'one of',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  exclusiveMinimum: 'exclusiveMinimum',
  maximum: 'maximum',
  exclusiveMaximum: 'exclusiveMaximum',
  precision: 'precision',
  scale: 'scale',
  references: 'references',
};

/**
 * One field as a descriptor field. A `$ref` to `#/definitions/<term>` fills in what the field does
 * not say (type, description, PII, classification, links); a definition's or field's link, or a
 * `$ref` that is itself an IRI, is the field's concept.
 */
function dcsField(f: Json, at: string, name: string, ctx: Context): Carried<Field> {
  const ref = textOf(f['$ref']);
  const definition = definitionOf(ref, ctx.definitions);
  const look = lookup({ value: f, pointer: at }, ...(definition ? [definition] : []));
  const [type, title, text, piiFlag, classification] = ['type', 'title', 'description', 'pii', 'classification'].map(look);
  const itemType = textOf(jsonOf(f['items'])['type']);
  const typeName = textOf(type?.value) === 'array' && itemType ? `array<${itemType}>` : (textOf(type?.value) ?? 'string');
  const flags = flagFacts(look, FLAGS);
  const values = valueFacts(look, VALUES);
  if (classification !== undefined) ctx.sensitivity.classify(classification.value);
  const pii = piiFlag?.value === true || Sensitivity.namesPii(classification?.value);
  if (pii) ctx.sensitivity.markPii();
  const concept = conceptOf(ref, look('links'));
  skipFieldParts(ctx.source, f, at, definition?.pointer);
  return fieldOf(name, at, {
    type: typeName,
    ...(textOf(title?.value) && { label: textOf(title?.value) }),
    ...(textOf(text?.value) && { text: textOf(text?.value) }),
    facts: [...flags.facts, ...values.facts, ...(classification ? [`classification ${String(classification.value)}`] : [])],
    ...(concept && { concept: concept.iri }),
    ...((piiFlag !== undefined || pii) && { pii }),
    uses: [
      ...[type, title, text, piiFlag, classification].flatMap((x) => (x ? [x.pointer] : [])),
      ...(ref && (definition || concept?.iri === ref) ? [`${at}/$ref`] : []),
      ...(itemType ? [`${at}/items/type`] : []),
      ...flags.uses,
      ...values.uses,
      ...(concept?.pointer ? [concept.pointer] : []),
    ],
  });
}

/** The definition a `$ref` of the form `#/definitions/<term>` names (a term may contain slashes). */
function definitionOf(ref: string | undefined, definitions: Record<string, Json>): { value: Json; pointer: string } | undefined {
  const term = ref?.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
  if (term === undefined || !Object.hasOwn(definitions, term)) return undefined;
  const definition = definitions[term];
  return isJson(definition) ? { value: definition, pointer: pointerOf('definitions', term) } : undefined;
}

/** A field's concept: a `$ref` that is an IRI (an external definition), else the first link that is one. */
function conceptOf(ref: string | undefined, links: { value: unknown; pointer: string } | undefined): { iri: string; pointer?: string } | undefined {
  if (ref && isAbsoluteIri(ref)) return { iri: ref };
  const entry = Object.entries(jsonOf(links?.value)).find(([, url]) => typeof url === 'string' && isAbsoluteIri(url));
  return entry && links ? { iri: String(entry[1]), pointer: `${links.pointer}${pointerOf(entry[0])}` } : undefined;
}

/** Example values of a field and of its definition are not registered. */
function skipFieldParts(source: SourceReader, f: Json, at: string, definition: string | undefined): void {
  for (const key of ['example', 'examples']) {
    if (f[key] !== undefined) source.skip(`${at}/${key}`, 'sample values are not registered');
    if (definition) source.skip(`${definition}/${key}`, 'sample values are not registered');
  }
}

/** A field's `lineage.inputFields[]`: each names an OpenLineage dataset (namespace, name) the field is read from. */
function gatherLineage(lineage: Json, pointer: string, target: string, into: LineageInput[]): void {
  listOf(lineage['inputFields']).map(jsonOf).forEach((input, i) => {
    const namespace = textOf(input['namespace']);
    const name = textOf(input['name']);
    if (!namespace || !name) return;
    const field = textOf(input['field']);
    const entry = `${pointer}/inputFields/${i}`;
    const uses = ['namespace', 'name', ...(field ? ['field'] : [])].map((k) => `${entry}/${k}`);
    into.push({ pointer: entry, namespace, name, description: `${target}${field ? ` from ${field}` : ''}`, uses });
  });
}
