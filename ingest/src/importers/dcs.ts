import { LIMITS, Sensitivity, contractDescriptor, contractIdentity, sectionsOf, type InputPort } from './contract-common.js';
import { ROLES_REASON, assemblePorts, chooseServer, kindOf, serverAddress, synthesizedPort, type PortDraft } from './contract-ports.js';
import { modelFields, type Context, type LineageInput } from './dcs-fields.js';
import { contractChecks, serviceLevels } from './dcs-service-levels.js';
import { jsonOf, listOf, textOf, type Json } from './json-reading.js';
import { Links } from './links.js';
import type { Mapper } from './mapper.js';
import { contactIri, tagsOf, type Carried, type SloDraft } from './mapping.js';
import { qualityRule } from './quality-rules.js';
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
  ['/dataContractSpecification', '/id', ...['title', 'version', 'status', 'owner', 'description'].map((k) => `/info/${k}`)].forEach((p) => source.use(p));
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
  const tags = tagsOf(source, [{ pointer: '/tags', tags: doc.tags }]);

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

/** A model as an output port: where it is on the server, its fields and its quality rules. */
function modelPort(name: string, model: Json, ctx: Context, checks: readonly Carried<SloDraft>[]): PortDraft {
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
