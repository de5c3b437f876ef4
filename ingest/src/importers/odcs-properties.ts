import { Sensitivity, skipRest, type Field } from './contract-common.js';
import { fieldOf, flagFacts, lookup, valueFacts, type Server } from './contract-ports.js';
import { isJson, jsonOf, listOf, textOf, type Json } from './json-reading.js';
import { SEMANTIC, contactIri, type Carried, type SloDraft } from './mapping.js';
import { qualityRule } from './quality-rules.js';
import type { SourceReader } from './source-reader.js';

/**
 * An ODCS schema object's properties as a port's fields (odcs.ts maps the rest of the contract):
 * type, prose, constraints, classification, concept, and their quality rules as SLOs.
 */

/** What the mapping of one contract shares while it walks the schema. */
export interface Context {
  readonly source: SourceReader;
  readonly server: Server | undefined;
  readonly sensitivity: Sensitivity;
}

/**
 * Properties as fields, nested ones (an object's `properties`, an array's `items.properties`)
 * flattened with dotted names, and their quality rules as SLOs on `<object>.<property>`.
 */
export function propertyFields(properties: unknown[], pointer: string, prefix: string, object: string, ctx: Context): { fields: Carried<Field>[]; quality: Carried<SloDraft>[] } {
  const out = { fields: [] as Carried<Field>[], quality: [] as Carried<SloDraft>[] };
  properties.map(jsonOf).forEach((p, i) => {
    const at = `${pointer}/${i}`;
    const name = `${prefix}${textOf(p['name']) ?? i}`;
    out.fields.push(propertyField(p, at, name, ctx));
    out.quality.push(...listOf(p['quality']).map((r, j) => qualityRule(jsonOf(r), `${at}/quality/${j}`, `${object}.${name}`)));
    const items = jsonOf(p['items']);
    for (const [children, under] of [[p['properties'], `${at}/properties`], [items['properties'], `${at}/items/properties`]] as const) {
      const nested = propertyFields(listOf(children), under, `${name}.`, object, ctx);
      out.fields.push(...nested.fields);
      out.quality.push(...nested.quality);
    }
  });
  return out;
}

const FLAGS = {
  primaryKey: 'primary key',
  primaryKeyPosition: 'primary key position',
  required: 'required',
  unique: 'unique',
  partitioned: 'partitioned',
  partitionKeyPosition: 'partition key position',
  criticalDataElement: 'critical data element',
};

/** One property as a field: its logical type (an array's with its item type), prose, constraints, concept and PII. */
function propertyField(p: Json, at: string, name: string, ctx: Context): Carried<Field> {
  const look = lookup({ value: p, pointer: at });
  const items = jsonOf(p['items']);
  const logical = textOf(p['logicalType']);
  const physical = textOf(p['physicalType']);
  const itemType = textOf(items['logicalType']) ?? textOf(items['physicalType']);
  const type = (logical ?? physical ?? 'string') === 'array' && itemType ? `array<${itemType}>` : (logical ?? physical ?? 'string');
  const physicalName = textOf(p['physicalName']);
  const options = isJson(p['logicalTypeOptions']) ? valueFacts(lookup({ value: p['logicalTypeOptions'], pointer: `${at}/logicalTypeOptions` }), labelsOf(p['logicalTypeOptions'])) : { facts: [], uses: [] };
  const flags = flagFacts(look, FLAGS);
  const facts = [
    physicalName && physicalName !== textOf(p['name']) && `column ${physicalName}`,
    logical && physical && physical !== logical && `physical type ${physical}`,
    textOf(p['encryptedName']) && `encrypted as ${textOf(p['encryptedName'])}`,
    textOf(p['classification']) && `classification ${textOf(p['classification'])}`,
    ...flags.facts,
    ...options.facts,
  ].filter((f): f is string => typeof f === 'string');
  ctx.sensitivity.classify(p['classification']);
  const concept = propertyConcept(ctx.source, listOf(p['authoritativeDefinitions']), at);
  skipPropertyParts(ctx.source, p, at);
  const keys = ['name', 'logicalType', 'physicalType', 'physicalName', 'encryptedName', 'businessName', 'description', 'classification'].filter((k) => p[k] !== undefined);
  return fieldOf(name, at, {
    type,
    ...(textOf(p['businessName']) && { label: textOf(p['businessName']) }),
    ...(textOf(p['description']) && { text: textOf(p['description']) }),
    facts,
    ...(concept && { concept: concept.url }),
    ...(Sensitivity.namesPii(p['classification']) && { pii: true }),
    uses: [
      ...keys.map((k) => `${at}/${k}`),
      ...(itemType ? ['logicalType', 'physicalType'].filter((k) => items[k] !== undefined).map((k) => `${at}/items/${k}`) : []),
      ...flags.uses,
      ...options.uses,
      ...(concept?.pointers ?? []),
    ],
  });
}

/** `logicalTypeOptions` keys as they read in a description: `maxLength 11`. */
const labelsOf = (options: Json): Record<string, string> => Object.fromEntries(Object.keys(options).map((k) => [k, k]));

/** A property's first business definition with an IRI is its concept; its other links are reported. */
function propertyConcept(source: SourceReader, definitions: unknown[], at: string): { url: string; pointers: string[] } | undefined {
  const list = `${at}/authoritativeDefinitions`;
  const i = definitions.map(jsonOf).findIndex((d) => contactIri(textOf(d['url'])) && SEMANTIC.test(textOf(d['type']) ?? ''));
  const reason = 'a field holds one concept, its business definition; other links have no place on a field';
  skipRest(source, list, definitions.length, new Set(i >= 0 ? [i] : []), reason);
  const url = contactIri(textOf(jsonOf(definitions[i])['url']));
  return url ? { url, pointers: [`${list}/${i}/type`, `${list}/${i}/url`] } : undefined;
}

/** Parts of a property the catalog deliberately leaves out, with the reason. */
function skipPropertyParts(source: SourceReader, p: Json, at: string): void {
  const reasons: [string, string][] = [
    ['examples', 'sample values are not registered'],
    ['transformSourceObjects', 'transformation sources name no dataset namespace, so they cannot become OpenLineage inputs; report lineage from the job'],
    ['relationships', 'relationships between schema objects have no place in the descriptor'],
  ];
  for (const [key, reason] of reasons) if (p[key] !== undefined) source.skip(`${at}/${key}`, reason);
}
