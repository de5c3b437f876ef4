import { isAbsoluteIri, portIri, type DescriptorInput } from '@quanta/model';
import { readApi, type ApiFacts } from './dpds-api.js';
import { isJson, jsonOf, listOf, textOf, type Json } from './json-reading.js';
import { RefResolver } from './dpds-refs.js';
import { Report } from './dpds-report.js';
import type { Mapper } from './mapper.js';
import type { ImportOptions } from './import-types.js';
import { contactIri, iriOf, portKindOf, portNames, provenanceModel, serviceLevelSlo, slugify, statusOf, tagsOf } from './mapping.js';

type OutputPort = NonNullable<DescriptorInput['outputPorts']>[number];
type InputPort = NonNullable<DescriptorInput['inputPorts']>[number];
type Slo = NonNullable<OutputPort['slos']>[number];

interface DpdsInfo {
  fullyQualifiedName: string;
  name: string;
  version: string;
  domain: string;
  owner: { id: string; name?: string };
  id?: string;
  displayName?: string;
  description?: string;
  contactPoints?: unknown[];
  'x-status'?: unknown;
}
interface DpdsDocument {
  dataProductDescriptor: string;
  info: DpdsInfo;
  interfaceComponents: Json;
  internalComponents?: unknown;
  components?: unknown;
  tags?: unknown[];
  externalDocs?: unknown;
  'x-status'?: unknown;
}

type PortGroup = 'inputPorts' | 'outputPorts' | 'discoveryPorts' | 'observabilityPorts' | 'controlPorts';
const MANAGEMENT: readonly PortGroup[] = ['discoveryPorts', 'observabilityPorts', 'controlPorts'];

/** A port entity as read, `$ref`s resolved: where it sits and where its description came from. */
interface PortRead {
  readonly port: Json;
  /** The port entity's pointer (inside a referenced whole descriptor, when the reference named one). */
  readonly pointer: string;
  /** The interface entry's pointer: what is skipped when the port is not carried at all. */
  readonly entry: string;
  readonly descriptionAt: string;
}

/** What every step of the mapping shares. */
interface Context {
  readonly report: Report;
  readonly notes: Set<string>;
  readonly fqn: string;
}

const POLICIES = 'policies are not part of the descriptor yet';
/** Service levels the DPDS example names in `x-operationalSlo`/`x-qualitySlo` (and `…Sla`), and their SLO metrics. */
const METRICS: Record<string, string> = { availability: 'availability', responsetime: 'responseTime', freshness: 'freshness' };
const SLO_GROUP = /^x-(operational|quality)sl[ao]$/i;
const UNKNOWN_LEVEL = 'not a service level Quanta reads (availability, responsetime, freshness)';

/**
 * DPDS (Open Data Mesh Data Product Descriptor Specification 1.0.0) → descriptor
 * (research/standards.md §3.3, "DPDS → internal"). Reference objects are resolved first, against
 * `options.path`, and put in place in the source document, so what the referenced files hold is
 * reported like the rest; a reference that cannot be resolved is reported, never fatal. The product
 * IRI is `info.fullyQualifiedName`, a URN kept as it is; output ports read their kind, format,
 * location, fields and lineage from `promises.api` and their SLOs from `promises.slo` and
 * `obligations.sla`; discovery, observability and control ports become links to their endpoints.
 */
export const importDpds: Mapper = async (source, options) => {
  const doc = source.document as DpdsDocument;
  const resolved = await new RefResolver(options.path).resolve(doc.interfaceComponents, '/interfaceComponents', doc);
  // The reader reports what is left of the document it holds: with the referenced parts in place,
  // the report covers the files they came from, at the pointers a resolved document has.
  doc.interfaceComponents = jsonOf(resolved.value);
  const ctx: Context = { report: new Report(source, resolved.problems), notes: new Set(resolved.notes), fqn: doc.info.fullyQualifiedName };
  ctx.report.use('/dataProductDescriptor');

  const base = productOf(doc, options, ctx);
  const groups = doc.interfaceComponents;
  const outputs = limited(readPorts(groups, 'outputPorts', ctx), 50, ctx);
  const names = portNames(outputs.map((r) => ({ name: decamel(textOf(r.port['name']) ?? ''), version: textOf(r.port['version']) })));
  if (outputs.some((r, i) => names[i] !== textOf(r.port['name']))) ctx.notes.add(`output ports are named by slug: ${outputs.map((r, i) => `${textOf(r.port['name'])} → ${names[i]}`).join(', ')}`);
  const outputPorts = outputs.map((r, i) => outputPort(r, names[i] as string, ctx));
  const inputPorts = readPorts(groups, 'inputPorts', ctx).flatMap((r) => inputPort(r, ctx));
  if (inputPorts.length > 200) ctx.notes.add(`${inputPorts.length} input links: only the first 200 are kept, as many as a descriptor holds`);
  const links = linksOf(doc, groups, ctx);
  skipOther(doc, ctx);
  ctx.report.finish();

  const descriptor: DescriptorInput = {
    ...base,
    ...(outputPorts.length && { outputPorts }),
    ...(inputPorts.length && { inputPorts: inputPorts.slice(0, 200) }),
    ...(Object.keys(links).length && { links }),
    semanticModel: semanticModelOf(base.id, doc.info, outputs, names),
  };
  return { standardVersion: doc.dataProductDescriptor, descriptor, notes: [...ctx.notes] };
};

/** The first `max` ports, as many as a descriptor holds; the rest are reported. */
function limited(reads: PortRead[], max: number, ctx: Context): PortRead[] {
  for (const r of reads.slice(max)) ctx.report.skip(r.entry, `a descriptor holds at most ${max} output ports`);
  return reads.slice(0, max);
}

/** DPDS recommends camelCase names (`tripExecution`); split them so the slug keeps the words (`trip-execution`). */
const decamel = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
const slugOf = (text: string | undefined) => slugify(text === undefined ? undefined : decamel(text));

/** The product itself, from `info`, `tags` and an `x-status` extension. */
function productOf(doc: DpdsDocument, options: ImportOptions, ctx: Context) {
  const info = doc.info;
  ctx.report.use(...['fullyQualifiedName', 'name', 'version', 'domain', 'displayName', 'description', 'id'].filter((k) => k in info).map((k) => `/info/${k}`));
  const name = slugOf(info.name) ?? 'product';
  const domain = slugOf(info.domain) ?? slugOf(options.domain) ?? 'unassigned';
  const id = iriOf(info.fullyQualifiedName, 'dpds', options, { domain, name });
  const statusAt = info['x-status'] !== undefined ? '/info/x-status' : doc['x-status'] !== undefined ? '/x-status' : undefined;
  const { status, note } = statusOf(textOf(info['x-status'] ?? doc['x-status']));
  if (statusAt) ctx.report.use(statusAt);
  if (note) ctx.notes.add(statusAt ? note : 'DPDS has no status and the source gives no x-status extension: registered as active');
  if (doc.tags) ctx.report.use('/tags');
  const tags = tagsOf(doc.tags);
  const title = (textOf(info.displayName) ?? info.name).slice(0, 200);
  const description = textOf(info.description);
  return {
    id,
    name,
    title,
    ...(description && { description: description.slice(0, 20_000) }),
    domain,
    owner: ownerOf(info, ctx),
    status,
    version: info.version.slice(0, 64),
    ...(tags && { tags }),
  };
}

/**
 * DPDS names a person (`owner {id, name}`, the id usually an email); Quanta an owner team. The
 * person's name becomes the team slug and an email id the contact, and the note says so.
 */
function ownerOf(info: DpdsInfo, ctx: Context): DescriptorInput['owner'] {
  const { id, name } = info.owner;
  const contact = contactIri(id);
  const team = slugOf(name) ?? slugOf(id.split('@')[0]) ?? 'unassigned';
  ctx.report.use(...(name ? ['/info/owner/name'] : []), ...(contact || !name ? ['/info/owner/id'] : []));
  if (!contact && name) ctx.report.skip('/info/owner/id', 'an owner id that is neither an email address nor a URL has no place in the descriptor');
  ctx.notes.add(`the DPDS owner ${name ?? id} is registered as the owner team ${team}`);
  return { team, ...(contact && { contact }) };
}

/**
 * The entries of one interface group, each `$ref` already resolved. The standard's own example
 * references a whole descriptor file for one port (`ports/trip-events-oport.json`); its one port
 * of the same group is read, and the rest of that file reported.
 */
function readPorts(groups: Json, group: PortGroup, ctx: Context): PortRead[] {
  const entries = listOf(groups[group]);
  if (Array.isArray(groups[group]) && entries.length === 0) ctx.report.use(`/interfaceComponents/${group}`);
  return entries.flatMap((entry, i) => {
    const at = `/interfaceComponents/${group}/${i}`;
    if (!isJson(entry) || typeof entry['$ref'] === 'string') {
      ctx.report.skip(at, 'the port could not be read');
      return [];
    }
    if (entry['name'] !== undefined || !isJson(entry['interfaceComponents'])) return [{ port: entry, pointer: at, entry: at, descriptionAt: `${at}/description` }];
    return portInDescriptor(entry, at, group, ctx);
  });
}

function portInDescriptor(file: Json, at: string, group: PortGroup, ctx: Context): PortRead[] {
  const inner = jsonOf(file['interfaceComponents']);
  const ports = listOf(inner[group]);
  const port = ports[0];
  if (ports.length !== 1 || !isJson(port)) {
    ctx.report.skip(at, `the reference names a whole descriptor with ${ports.length} ${group}: name one with #/interfaceComponents/${group}/<index>`);
    return [];
  }
  const reason = 'the reference names a whole descriptor: only its port is read';
  ctx.report.skipRest(file, at, ['interfaceComponents', 'description'], reason);
  ctx.report.skipRest(inner, `${at}/interfaceComponents`, [group], reason);
  const theirs = textOf(jsonOf(file['info'])['fullyQualifiedName']);
  if (theirs && theirs !== ctx.fqn) ctx.notes.add(`${at} references a port of ${theirs}; it is read as a port of this product`);
  const pointer = `${at}/interfaceComponents/${group}/0`;
  const description = textOf(file['description']);
  if (!description) return [{ port, pointer, entry: at, descriptionAt: `${pointer}/description` }];
  // The reference's description overrides the referenced one (DPDS Reference Object).
  if (port['description'] !== undefined) ctx.report.skip(`${pointer}/description`, 'replaced by the description on the reference to the port');
  return [{ port: { ...port, description }, pointer, entry: at, descriptionAt: `${at}/description` }];
}

/** One output port: kind and format from its promises, location, fields and lineage from its API, SLOs from its SLO and SLA. */
function outputPort(read: PortRead, name: string, ctx: Context): OutputPort {
  const { port, pointer } = read;
  const { report } = ctx;
  report.use(...['name', 'version', 'fullyQualifiedName'].filter((k) => port[k] !== undefined).map((k) => `${pointer}/${k}`));
  const description = textOf(port['description']) ?? textOf(port['displayName']);
  if (textOf(port['description'])) report.use(read.descriptionAt);
  if (port['displayName'] !== undefined) {
    if (textOf(port['description'])) report.skip(`${pointer}/displayName`, 'ports have no title in the descriptor');
    else report.use(`${pointer}/displayName`);
  }
  if (port['tags'] !== undefined) report.skip(`${pointer}/tags`, 'ports have no tags in the descriptor');
  const promised = promisesOf(jsonOf(port['promises']), `${pointer}/promises`, ctx);
  const obligations = jsonOf(port['obligations']);
  const slos = [...slosOf(jsonOf(port['promises'])['slo'], `${pointer}/promises/slo`, 'slo', ctx), ...slosOf(obligations['sla'], `${pointer}/obligations/sla`, 'sla', ctx)].slice(0, 100);
  skipPolicies(port, pointer, ctx);
  const { facts } = promised;
  if (facts.servers.length > 1 && facts.server && (facts.location || facts.datasets.length)) ctx.notes.add(`port ${name}: location and lineage read from the ${facts.server} server of ${facts.servers.join(', ')}`);
  return {
    name,
    kind: kindOf(promised.type, promised.specification),
    ...(promised.specification && { format: promised.specification.toLowerCase().slice(0, 100) }),
    ...(description && { description: description.slice(0, 4000) }),
    ...(facts.location && { location: facts.location }),
    ...(facts.datasets.length && { lineage: facts.datasets }),
    ...(facts.fields.length && { fields: facts.fields }),
    ...(slos.length && { slos }),
  };
}

/** What a port's promises say about its service: its type, its API's specification and what the API definition gives. */
function promisesOf(promises: Json, at: string, ctx: Context): { type?: string; specification?: string; facts: ApiFacts } {
  // The schema says servicesType; the standard's example and quickstart write serviceType.
  const typeKey = promises['servicesType'] !== undefined ? 'servicesType' : promises['serviceType'] !== undefined ? 'serviceType' : undefined;
  if (typeKey) ctx.report.use(`${at}/${typeKey}`);
  if (typeKey === 'serviceType') ctx.notes.add('promises.serviceType (as the DPDS example spells it) is read as promises.servicesType');
  const api = jsonOf(promises['api']);
  const specification = textOf(api['specification']);
  if (specification) ctx.report.use(`${at}/api/specification`);
  const facts = readApi(specification, api['definition']);
  if (api['definition'] !== undefined) ctx.report.skip(`${at}/api/definition`, apiReason(specification, facts));
  ctx.report.skipRest(api, `${at}/api`, ['specification', 'definition'], "the API's own name, version and documentation are not kept");
  if (promises['deprecationPolicy'] !== undefined) ctx.report.skip(`${at}/deprecationPolicy`, POLICIES);
  if (promises['platform'] !== undefined) ctx.report.skip(`${at}/platform`, 'the descriptor has no place for the hosting platform');
  const type = typeKey && textOf(promises[typeKey]);
  return { ...(type && { type }), ...(specification && { specification }), facts };
}

/**
 * DPDS's documented `servicesType` values (`soap-services`, `rest-services`, `odata-services`,
 * `streaming-services`, `datastore-services`) as the words {@link portKindOf} knows; other values,
 * or none, go to it as they are (then the API specification, e.g. asyncapi).
 */
const SERVICE_TYPES: Record<string, string> = { streaming: 'stream', datastore: 'table', soap: 'api', odata: 'api', rest: 'rest' };

function kindOf(type: string | undefined, specification: string | undefined): OutputPort['kind'] {
  const word = type?.toLowerCase().replace(/[-_ ]?services?$/, '');
  return portKindOf((word && SERVICE_TYPES[word]) ?? type ?? specification);
}

/** Why an API definition is reported: it is read, not kept; and what could be read from it. */
function apiReason(specification: string | undefined, facts: ApiFacts): string {
  const read = [facts.fields.length && `${facts.fields.length} fields`, facts.location && 'the location', facts.datasets.length && 'the lineage datasets'].filter((r): r is string => typeof r === 'string');
  const what = `the ${specification ?? 'API'} definition`;
  if (read.length === 0) return `${what} is not kept, and gave no fields, location or datasets the importer reads`;
  const listed = read.length > 1 ? `${read.slice(0, -1).join(', ')} and ${read.at(-1)}` : read.join('');
  return `${what} is read for ${listed}; the definition itself is not kept`;
}

/**
 * SLOs from a `promises.slo` or `obligations.sla` standard definition: the known levels under
 * `x-operational…`/`x-quality…` groups or at the top of `definition`; each unknown one is reported.
 */
function slosOf(definition: unknown, at: string, commitment: 'slo' | 'sla', ctx: Context): Slo[] {
  if (definition === undefined) return [];
  const levels = jsonOf(definition)['definition'];
  if (!isJson(levels)) {
    ctx.report.skip(at, `the ${commitment.toUpperCase()} definition is not an object of service levels`);
    return [];
  }
  const description = textOf(jsonOf(definition)['description']);
  const slos: Slo[] = [];
  const level = (key: string, value: unknown, pointer: string) => {
    const metric = METRICS[key.toLowerCase()];
    if (metric !== undefined && (typeof value === 'string' || typeof value === 'number')) {
      slos.push(serviceLevelSlo(metric, value, { commitment, ...(description && { description }) }));
      ctx.report.use(pointer);
    } else {
      ctx.report.skip(pointer, UNKNOWN_LEVEL);
    }
  };
  for (const [key, value] of Object.entries(levels)) {
    if (SLO_GROUP.test(key) && isJson(value)) for (const [k, v] of Object.entries(value)) level(k, v, `${at}/definition/${key}/${k}`);
    else level(key, value, `${at}/definition/${key}`);
  }
  if (slos.length && description) ctx.report.use(`${at}/description`);
  ctx.report.skipRest(jsonOf(definition), at, ['definition', 'description'], `the ${commitment.toUpperCase()} definition's own name, version and specification are not kept`);
  return slos;
}

/** Expectations, terms and billing: reported, since the descriptor has no policies yet. */
function skipPolicies(port: Json, pointer: string, ctx: Context): void {
  for (const key of ['expectations', 'expectatctions']) if (port[key] !== undefined) ctx.report.skip(`${pointer}/${key}`, POLICIES);
  if (port['expectatctions'] !== undefined) ctx.notes.add('"expectatctions" (as the DPDS example spells it) is read as expectations');
  const obligations = jsonOf(port['obligations']);
  for (const key of ['termsAndConditions', 'billingPolicy']) if (obligations[key] !== undefined) ctx.report.skip(`${pointer}/obligations/${key}`, POLICIES);
}

/**
 * An input port links to an upstream product when its fully qualified name is another product's
 * (a DPDS URN of another product, or any other IRI); else to the datasets its API definition
 * locates (AsyncAPI channels, DataStore API tables). A port with neither is reported.
 */
function inputPort(read: PortRead, ctx: Context): InputPort[] {
  const { port, pointer } = read;
  const version = textOf(port['version']);
  const label = `input port ${textOf(port['name']) ?? 'input'}${version ? ` (version ${version})` : ''}`;
  const about = `${label}${textOf(port['description']) ? `: ${textOf(port['description'])}` : ''}`.slice(0, 2000);
  const carried = ['name', 'version'].filter((k) => port[k] !== undefined).map((k) => `${pointer}/${k}`);
  if (textOf(port['description'])) carried.push(read.descriptionAt);
  const upstream = upstreamOf(textOf(port['fullyQualifiedName']), ctx.fqn);
  if (upstream) {
    ctx.report.use(...carried, `${pointer}/fullyQualifiedName`);
    return [{ product: upstream, description: about }];
  }
  const promises = jsonOf(port['promises']);
  const api = jsonOf(promises['api']);
  const facts = readApi(textOf(api['specification']), api['definition']);
  if (facts.datasets.length === 0) {
    ctx.report.skip(read.entry, `${label} names no upstream product (its fullyQualifiedName is not another product's URN or IRI) and no dataset (no AsyncAPI channel or DataStore API table on a server)`);
    return [];
  }
  ctx.report.use(...carried, `${pointer}/promises/api/specification`);
  ctx.report.skip(`${pointer}/promises/api/definition`, apiReason(textOf(api['specification']), facts));
  return facts.datasets.map((lineage) => ({ lineage, description: about }));
}

const DPDS_URN = /^(urn:dpds:[^:]+:dataproducts:[^:]+:[^:]+)(?::([a-z]+):(.+))?$/i;

/** The upstream product (with `#port` for an output port) a fully qualified name names, unless it is this product's own. */
function upstreamOf(fqn: string | undefined, ours: string): string | undefined {
  if (!fqn || !isAbsoluteIri(fqn)) return undefined;
  const dpds = DPDS_URN.exec(fqn);
  if (!dpds) return fqn.startsWith(ours) ? undefined : fqn;
  const [, product = '', kind, port] = dpds;
  if (product.toLowerCase() === ours.toLowerCase()) return undefined;
  return kind?.toLowerCase() === 'outputports' && port ? `${product}#${slugOf(port) ?? port}` : product;
}

/** Contact points, discovery/observability/control endpoints and the product's documentation, as links. */
function linksOf(doc: DpdsDocument, groups: Json, ctx: Context): Record<string, string> {
  const links: Record<string, string> = {};
  const add = (label: string | undefined, iri: string) => {
    const slug = slugOf(label) ?? 'link';
    const key = (/^[a-z]/.test(slug) ? slug : `link-${slug}`).slice(0, 56);
    let unique = key;
    for (let n = 2; links[unique] !== undefined; n++) unique = `${key}-${n}`;
    links[unique] = iri;
    return unique;
  };
  listOf(doc.info.contactPoints).forEach((point, i) => contactLink(jsonOf(point), `/info/contactPoints/${i}`, add, ctx));
  for (const group of MANAGEMENT) for (const read of readPorts(groups, group, ctx)) managementLink(read, group, add, ctx);
  const docs = jsonOf(doc.externalDocs);
  const href = contactIri(textOf(docs['$href']));
  if (href) {
    add('documentation', href);
    ctx.report.use('/externalDocs/$href');
    ctx.report.skipRest(docs, '/externalDocs', ['$href'], 'a link keeps only the address');
  }
  return links;
}

type AddLink = (label: string | undefined, iri: string) => string;

function contactLink(point: Json, at: string, add: AddLink, ctx: Context): void {
  const address = textOf(point['address']);
  const iri = contactIri(address);
  if (!iri) {
    ctx.report.skip(at, `the address ${address ?? '(none)'} is neither an email address nor a URL, so it cannot be a link`);
    return;
  }
  const label = textOf(point['name']) ? 'name' : 'channel';
  add(textOf(point[label]), iri);
  ctx.report.use(`${at}/address`, ...(point[label] !== undefined ? [`${at}/${label}`] : []));
  ctx.report.skipRest(point, at, ['address', label], 'a link keeps only the address');
}

/**
 * A discovery, observability or control port is not a data port: it is kept as a link to its
 * endpoint, when its API definition gives one. Either way the port itself is reported.
 */
function managementLink(read: PortRead, group: PortGroup, add: AddLink, ctx: Context): void {
  const { port } = read;
  const kind = group.replace(/Ports$/, '');
  const name = textOf(port['name']) ?? kind;
  const api = jsonOf(jsonOf(port['promises'])['api']);
  const endpoint = readApi(textOf(api['specification']), api['definition']).location;
  const iri = endpoint && isAbsoluteIri(endpoint) ? endpoint : undefined;
  if (iri) {
    const key = add(name, iri);
    ctx.report.skip(read.entry, `the ${kind} port ${name} is kept as the link ${key} to its endpoint; the rest of it is not`);
  } else {
    ctx.report.skip(read.entry, `the ${kind} port ${name} gives no endpoint URL in its API definition, so it is not kept (not even as a link)`);
  }
}

/** The parts a descriptor has no place for, with their reasons. */
function skipOther(doc: DpdsDocument, ctx: Context): void {
  if (doc.internalComponents !== undefined) ctx.report.skip('/internalComponents', 'internal components (applications, infrastructure) are not registered in the catalog');
  if (doc.components !== undefined) ctx.report.skip('/components', 'reusable components are read where a $ref names them');
}

/**
 * The provenance model (mapping.ts) plus each output port's DPDS fully qualified name as its
 * `dct:identifier`: the descriptor names ports `<product>/ports/<name>`, the source by URN.
 */
function semanticModelOf(iri: string, info: DpdsInfo, outputs: readonly PortRead[], names: readonly string[]): Record<string, unknown> {
  const ports = outputs.map((r, i) => {
    const version = textOf(r.port['version']);
    return { name: names[i] as string, ...(version && { version }) };
  });
  const model = provenanceModel(iri, { identifier: info.id ?? info.fullyQualifiedName, standard: 'dpds', ports });
  const graph = listOf(model['@graph']).filter(isJson);
  outputs.forEach((r, i) => {
    const fqn = textOf(r.port['fullyQualifiedName']);
    const node = graph.find((n) => n['@id'] === portIri(iri, names[i] as string));
    if (fqn && node) node['dct:identifier'] = fqn;
  });
  return model;
}
