import { isAbsoluteIri } from '@quanta/model';
import {
  LIMITS,
  Links,
  Sensitivity,
  contractDescriptor,
  contractIdentity,
  isJson,
  jsonOf,
  listOf,
  qualityRule,
  sectionsOf,
  textOf,
  type Carried,
  type Field,
  type InputPort,
  type Json,
  type Slo,
} from './contract-common.js';
import {
  ROLES_REASON,
  assemblePorts,
  chooseServer,
  fieldOf,
  flagFacts,
  kindOf,
  lookup,
  serverAddress,
  synthesizedPort,
  valueFacts,
  type PortDraft,
  type Server,
} from './contract-ports.js';
import type { Mapper } from './mapper.js';
import { contactIri, qualitySlo, serviceLevelSlo, tagsOf } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/** The top level of a Data Contract Specification document (0.9.0–1.2.1), as far as the mapping reads it. */
interface DcsDocument {
  dataContractSpecification: string;
  id: string;
  info: { title: string; version: string; status?: string; description?: string; owner?: string; contact?: Json; links?: Json };
  servers?: Record<string, Json>;
  terms?: Json;
  models?: Record<string, Json>;
  definitions?: Record<string, Json>;
  servicelevels?: Record<string, Json>;
  links?: Json;
  tags?: unknown[];
  quality?: Json;
}

/** One field's lineage input: an OpenLineage dataset it reads, and which field of it. */
interface LineageInput {
  /** The `inputFields[]` entry, reported whole when the input-port limit cuts it. */
  readonly pointer: string;
  readonly namespace: string;
  readonly name: string;
  readonly description: string;
  readonly uses: readonly string[];
}

/** What the mapping of one contract shares while it walks the models. */
interface Context {
  readonly source: SourceReader;
  readonly definitions: Record<string, Json>;
  readonly server: Server | undefined;
  readonly sensitivity: Sensitivity;
  readonly lineage: LineageInput[];
}

/**
 * Data Contract Specification (datacontract.com, 0.9.0–1.2.1) → descriptor, the contract
 * registered on its own as a product (research/standards.md §3.3): each model is an output port
 * read from the contract's server, its fields (with their `$ref` definitions) the port's fields,
 * `servicelevels` SLA SLOs on every port, quality rules SLOs on their model's port, and the
 * fields' lineage inputs the product's input ports. DCS names no domain, so `--domain` supplies it.
 */
export const importDcs: Mapper = async (source, options) => {
  const doc = source.document as DcsDocument;
  const notes: string[] = [];
  ['/dataContractSpecification', '/id', '/tags', ...['title', 'version', 'status', 'owner', 'description'].map((k) => `/info/${k}`)].forEach((p) => source.use(p));
  skipUnregistered(source, doc);

  const identity = contractIdentity('dcs', { id: doc.id, title: doc.info.title, team: doc.info.owner, status: doc.info.status }, options, notes);
  const links = new Links();
  const contact = contactOf(source, jsonOf(doc.info.contact), links);
  linksOf(source, jsonOf(doc.links), '/links', links);
  linksOf(source, jsonOf(doc.info.links), '/info/links', links);

  const servers = Object.entries(doc.servers ?? {}).map(([key, value]) => ({ value: jsonOf(value), pointer: pointerOf('servers', key), label: key }));
  const server = chooseServer(source, servers, notes);
  if (server?.value['roles'] !== undefined) source.skip(`${server.pointer}/roles`, ROLES_REASON);
  const ctx: Context = { source, definitions: doc.definitions ?? {}, server, sensitivity: new Sensitivity(), lineage: [] };
  const checks = contractChecks(source, doc.quality);
  const models = Object.entries(doc.models ?? {});
  const drafts = models.length ? models.map(([name, model]) => modelPort(name, jsonOf(model), ctx, checks.get(name) ?? [])) : [synthesizedPort(identity.name, server, notes)];
  const ports = assemblePorts(source, drafts, serviceLevels(source, doc.servicelevels ?? {}), notes);
  const classification = ctx.sensitivity.classification;
  if (ctx.sensitivity.note) notes.push(ctx.sensitivity.note);
  const description = descriptionOf(source, doc, links);
  const tags = tagsOf(listOf(doc.tags));

  const descriptor = contractDescriptor({
    standard: 'dcs',
    identity,
    identifier: doc.id,
    version: doc.info.version,
    ...(description && { description }),
    ...(contact && { contact }),
    ...(tags && { tags }),
    concepts: [],
    outputPorts: ports.outputPorts,
    inputPorts: inputPortsOf(source, ctx.lineage, notes),
    links,
    ...(classification && { classification }),
  });
  return { standardVersion: doc.dataContractSpecification, descriptor, notes };
};

/** Top-level parts the catalog deliberately does not register, with the reason the report gives. */
function skipUnregistered(source: SourceReader, doc: DcsDocument): void {
  const reasons: [string, string][] = [
    ['examples', 'example data is not registered'],
    ['schema', 'a schema given as a specification (dbt, Avro, SQL DDL, …) is not parsed into fields; describe it as models'],
  ];
  for (const [key, reason] of reasons) if ((doc as unknown as Json)[key] !== undefined) source.skip(pointerOf(key), reason);
}

/**
 * The owner contact: `info.contact.email`, else its URL. A URL beside an email address is kept as
 * the `contact` link; the contact's name has no place, the descriptor holding an IRI.
 */
function contactOf(source: SourceReader, contact: Json, links: Links): string | undefined {
  const email = contactIri(textOf(contact['email']));
  const url = contactIri(textOf(contact['url']));
  if (email) source.use('/info/contact/email');
  if (url && (!email || links.add('contact', url))) source.use('/info/contact/url');
  if (contact['name'] !== undefined) source.skip('/info/contact/name', 'the descriptor holds a contact IRI, not a name');
  return email ?? url;
}

/** A `links` map (the contract's, and `info.links` some examples use) into the descriptor's links. */
function linksOf(source: SourceReader, entries: Json, pointer: string, links: Links): void {
  for (const [key, url] of Object.entries(entries)) if (links.add(key, url)) source.use(`${pointer}${pointerOf(key)}`);
}

/** `info.description` and the terms of use as prose; the terms' policy URLs become links. */
function descriptionOf(source: SourceReader, doc: DcsDocument, links: Links): string | undefined {
  const terms = jsonOf(doc.terms);
  const labels: [string, string][] = [['usage', 'Usage'], ['limitations', 'Limitations'], ['billing', 'Billing'], ['noticePeriod', 'Notice period']];
  const sections = labels.map(([key, label]) => {
    if (terms[key] === undefined) return undefined;
    source.use(`/terms/${key}`);
    return textOf(terms[key]) && `${label}: ${textOf(terms[key])}`;
  });
  const policies = listOf(terms['policies']).map(jsonOf).map((policy, i) => {
    const name = textOf(policy['name']) ?? textOf(policy['type']) ?? 'policy';
    const linked = links.add(name, policy['url']);
    ['name', 'type', 'description', ...(linked ? ['url'] : [])].filter((k) => policy[k] !== undefined).forEach((k) => source.use(`/terms/policies/${i}/${k}`));
    return `Policy ${name}${textOf(policy['description']) ? `: ${textOf(policy['description'])}` : ''}${linked ? ` (link ${name})` : ''}`;
  });
  return sectionsOf([doc.info.description, ...sections, ...policies], 20_000);
}

/** Each known service level: its metric, the keys whose first value is the objective, the field it is on, and details for the description. */
const SERVICE_LEVELS: Record<string, { metric: string; objective: string[]; element?: string[]; details?: Record<string, string> }> = {
  availability: { metric: 'availability', objective: ['percentage'] },
  retention: { metric: 'retention', objective: ['period', 'unlimited'], element: ['timestampField'] },
  latency: { metric: 'latency', objective: ['threshold'], element: ['sourceTimestampField', 'processedTimestampField'] },
  freshness: { metric: 'freshness', objective: ['threshold'], element: ['timestampField'] },
  frequency: { metric: 'frequency', objective: ['interval', 'cron', 'type'], details: { type: 'type', cron: 'cron' } },
  support: { metric: 'responseTime', objective: ['responseTime', 'time'], details: { time: 'support hours' } },
  backup: { metric: 'backup', objective: ['interval', 'cron'], details: { cron: 'cron', recoveryTime: 'recovery time', recoveryPoint: 'recovery point' } },
};

/**
 * `servicelevels` as SLA SLOs, one per known service level: availability percentage, retention
 * period, latency and freshness thresholds (on their timestamp fields), frequency, support
 * response time and backup. Unknown keys are left for the unmapped report.
 */
function serviceLevels(source: SourceReader, levels: Record<string, Json>): Carried<Slo>[] {
  return Object.entries(SERVICE_LEVELS).flatMap(([key, spec]) => {
    const level = levels[key];
    if (!isJson(level)) return [];
    const pointer = pointerOf('servicelevels', key);
    const show = (k: string) => (level[k] === true ? k : String(level[k]));
    const objectiveKey = spec.objective.find((k) => level[k] !== undefined && level[k] !== false);
    const objective = objectiveKey ? show(objectiveKey) : textOf(level['description']);
    if (objective === undefined) return [];
    const element = (spec.element ?? []).filter((k) => level[k] !== undefined).map(show).join(' → ');
    const details = Object.entries(spec.details ?? {}).filter(([k]) => k !== objectiveKey && level[k] !== undefined).map(([k, label]) => `${label} ${show(k)}`);
    const description = [objectiveKey && textOf(level['description']), ...details].filter(Boolean).join('; ');
    const value = serviceLevelSlo(spec.metric, objective, { commitment: 'sla', ...(element && { element }), ...(description && { description }) });
    const keys = ['description', ...spec.objective, ...(spec.element ?? []), ...Object.keys(spec.details ?? {})].filter((k) => level[k] !== undefined);
    return [{ value, pointer, uses: keys.map((k) => `${pointer}/${k}`) }];
  });
}

/**
 * The contract-wide `quality` block of 0.9.x documents: a SodaCL specification's `checks for
 * <model>` lists become SLOs on that model's port (the check's function is the metric). Other
 * specifications (Monte Carlo, custom text) are not split into rules and are reported.
 */
function contractChecks(source: SourceReader, quality: Json | undefined): Map<string, Carried<Slo>[]> {
  const checks = new Map<string, Carried<Slo>[]>();
  if (!quality) return checks;
  const type = textOf(quality['type']) ?? 'unknown';
  const specification = quality['specification'];
  if (!/^sodacl$/i.test(type) || !isJson(specification)) {
    source.skip('/quality', `a contract-wide ${type} quality specification is not split into rules; only SodaCL check lists are`);
    return checks;
  }
  source.use('/quality/type');
  for (const [key, list] of Object.entries(specification)) {
    const model = /^checks for (.+)$/.exec(key)?.[1]?.trim();
    if (!model || !Array.isArray(list)) continue;
    checks.set(
      model,
      list.map((check, i) => {
        const text = typeof check === 'string' ? check : JSON.stringify(check);
        const pointer = pointerOf('quality', 'specification', key, i);
        return { value: qualitySlo({ metric: /^[A-Za-z_]+/.exec(text)?.[0] ?? type, type, description: text }, model), pointer, uses: [pointer] };
      }),
    );
  }
  return checks;
}

/** A model as an output port: where it is on the server, its fields and its quality rules. */
function modelPort(name: string, model: Json, ctx: Context, checks: readonly Carried<Slo>[]): PortDraft {
  const pointer = pointerOf('models', name);
  const address: { location?: string; uses: string[] } = ctx.server ? serverAddress(ctx.server, name) : { uses: [] };
  const format = textOf(ctx.server?.value['format']);
  const title = textOf(model['title']);
  const text = textOf(model['description']);
  const primaryKey = listOf(model['primaryKey']).map(String);
  const description = sectionsOf([title && text ? `${title}: ${text}` : (text ?? title), primaryKey.length > 0 && `Primary key: ${primaryKey.join(', ')}`], 4000);
  if (model['examples'] !== undefined) ctx.source.skip(`${pointer}/examples`, 'example data is not registered');
  const { fields, quality } = modelFields(jsonOf(model['fields']), `${pointer}/fields`, '', name, ctx);
  const own = listOf(model['quality']).map((r, j) => qualityRule(jsonOf(r), `${pointer}/quality/${j}`, name));
  const keys = ['title', 'description', 'type', 'primaryKey'].filter((k) => model[k] !== undefined);
  return {
    name,
    pointer,
    uses: [...keys.map((k) => `${pointer}/${k}`), ...address.uses],
    port: {
      kind: kindOf(ctx.server, textOf(model['type'])),
      ...(format && { format: format.slice(0, 100) }),
      ...(address.location && { location: address.location.slice(0, 2048) }),
      ...(description && { description }),
    },
    fields,
    quality: [...own, ...quality, ...checks],
  };
}

/**
 * Fields, nested ones (an object's `fields`, an array's `items.fields`) flattened with dotted
 * names, their quality rules as SLOs on `<model>.<field>`, their lineage inputs gathered.
 */
function modelFields(fields: Json, pointer: string, prefix: string, model: string, ctx: Context): { fields: Carried<Field>[]; quality: Carried<Slo>[] } {
  const out = { fields: [] as Carried<Field>[], quality: [] as Carried<Slo>[] };
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
  const classified = classification !== undefined && ctx.sensitivity.classify(classification.value);
  const pii = piiFlag?.value === true || Sensitivity.namesPii(classification?.value);
  if (pii) ctx.sensitivity.markPii();
  const concept = conceptOf(ref, look('links'));
  skipFieldParts(ctx.source, f, at, definition?.pointer);
  return fieldOf(name, at, {
    type: typeName,
    ...(textOf(title?.value) && { label: textOf(title?.value) }),
    ...(textOf(text?.value) && { text: textOf(text?.value) }),
    facts: [...flags.facts, ...values.facts],
    ...(concept && { concept: concept.iri }),
    ...((piiFlag !== undefined || pii) && { pii }),
    uses: [
      ...[type, title, text, piiFlag, classified ? classification : undefined].flatMap((x) => (x ? [x.pointer] : [])),
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
  return term !== undefined && isJson(definitions[term]) ? { value: definitions[term], pointer: pointerOf('definitions', term) } : undefined;
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

/**
 * Input ports from the fields' lineage, one per dataset however many fields read it, described by
 * the fields it feeds. At most 200, the descriptor's limit.
 */
function inputPortsOf(source: SourceReader, lineage: readonly LineageInput[], notes: string[]): InputPort[] {
  const datasets = new Map<string, LineageInput[]>();
  for (const input of lineage) {
    const key = JSON.stringify([input.namespace, input.name]);
    datasets.set(key, [...(datasets.get(key) ?? []), input]);
  }
  const all = [...datasets.values()];
  const kept = all.slice(0, LIMITS.inputs);
  for (const inputs of all.slice(LIMITS.inputs)) inputs.forEach((i) => source.skip(i.pointer, `Quanta holds at most ${LIMITS.inputs} input ports per product`));
  if (all.length > kept.length) notes.push(`${all.length} lineage input datasets: the first ${LIMITS.inputs} are input ports`);
  return kept.map((inputs) => {
    inputs.forEach((i) => i.uses.forEach((u) => source.use(u)));
    const first = inputs[0] as LineageInput;
    return { lineage: { namespace: first.namespace, name: first.name }, description: `source of ${inputs.map((i) => i.description).join(', ')}`.slice(0, 2000) };
  });
}
