import { isAbsoluteIri, portIri, type DescriptorInput } from '@quanta/model';
import { readApi } from './dpds-api.js';
import { MAX_INPUTS, decamel, inputPort, outputPort, slugOf, type Context, type PortRead } from './dpds-ports.js';
import { RefResolver } from './dpds-refs.js';
import { Report } from './dpds-report.js';
import type { ImportOptions } from './import-types.js';
import { isJson, jsonOf, listOf, textOf, type Json } from './json-reading.js';
import { Links } from './links.js';
import type { Mapper } from './mapper.js';
import { contactIri, iriOf, portNames, provenanceModel, statusOf, tagsOf, within } from './mapping.js';
import { assertValidPart } from './source-schemas.js';

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
/** The DPDS schema's definition of a port of each group, which a port read through a `$ref` is validated against. */
const DEFINITIONS: Record<PortGroup, string> = { inputPorts: 'inputPort', outputPorts: 'outputPort', discoveryPorts: 'discoveryPort', observabilityPorts: 'observabilityPort', controlPorts: 'controlPort' };
const MAX_OUTPUTS = 50;

/**
 * DPDS (Open Data Mesh Data Product Descriptor Specification 1.0.0) → descriptor
 * (research/standards.md §3.3, "DPDS → internal"). Reference objects are resolved first, against
 * `options.path`, and put in place in the source document, so what the referenced files hold is
 * reported like the rest; a reference that cannot be resolved is reported, never fatal, and every
 * port is validated against the DPDS schema once its references are in place. The product IRI is
 * `info.fullyQualifiedName`, a URN kept as it is; output ports read their kind, format, location,
 * fields and lineage from `promises.api` and their SLOs from `promises.slo` and `obligations.sla`
 * (dpds-ports.ts); discovery, observability and control ports become links to their endpoints.
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
  const outputs = limited(readPorts(groups, 'outputPorts', ctx), MAX_OUTPUTS, ctx);
  const names = portNames(outputs.map((r) => ({ name: decamel(textOf(r.port['name']) ?? ''), version: textOf(r.port['version']) })));
  if (outputs.some((r, i) => names[i] !== textOf(r.port['name']))) ctx.notes.add(`output ports are named by slug: ${outputs.map((r, i) => `${textOf(r.port['name'])} → ${names[i]}`).join(', ')}`);
  const outputPorts = outputs.map((r, i) => outputPort(r, names[i] as string, ctx));
  const inputPorts = inputPortsOf(readPorts(groups, 'inputPorts', ctx), ctx);
  const links = linksOf(doc, groups, ctx);
  skipOther(doc, ctx);
  ctx.report.finish();

  const descriptor: DescriptorInput = {
    ...base,
    ...(outputPorts.length && { outputPorts }),
    ...(inputPorts.length && { inputPorts }),
    ...(!links.empty && { links: links.entries }),
    semanticModel: semanticModelOf(base.id, doc.info, outputs, names),
  };
  return { standardVersion: doc.dataProductDescriptor, descriptor, notes: [...ctx.notes] };
};

/** The first `max` ports, as many as a descriptor holds; the rest are reported. */
function limited(reads: PortRead[], max: number, ctx: Context): PortRead[] {
  for (const r of reads.slice(max)) ctx.report.skip(r.entry, `a descriptor holds at most ${max} output ports`);
  return reads.slice(0, max);
}

/** The input ports that fit in a descriptor's 200: whole DPDS ports, in order; the rest are reported. */
function inputPortsOf(reads: readonly PortRead[], ctx: Context): NonNullable<DescriptorInput['inputPorts']> {
  const candidates = reads.flatMap((r) => inputPort(r, ctx));
  let count = 0;
  const fit = candidates.findIndex((c) => (count += c.value.length) > MAX_INPUTS);
  const kept = within(ctx.report, candidates, fit < 0 ? candidates.length : fit, `a descriptor holds at most ${MAX_INPUTS} input ports`).flatMap((c) => c.value);
  const total = candidates.reduce((n, c) => n + c.value.length, 0);
  if (kept.length < total) ctx.notes.add(`${total} input links: the first ${kept.length} are kept, as a descriptor holds at most ${MAX_INPUTS}; the ports giving the rest are reported`);
  return kept;
}

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
  const tags = tagsOf(ctx.report, [{ pointer: '/tags', tags: doc.tags }]);
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
 * of the same group is read, and the rest of that file reported. Schema validation of the
 * document saw only the references, so each port is validated against the DPDS schema's
 * definition of its group once what they name is in place.
 * @throws ImportRefusedError for a port the DPDS schema refuses
 */
function readPorts(groups: Json, group: PortGroup, ctx: Context): PortRead[] {
  const entries = listOf(groups[group]);
  if (Array.isArray(groups[group]) && entries.length === 0) ctx.report.use(`/interfaceComponents/${group}`);
  const reads = entries.flatMap((entry, i) => {
    const at = `/interfaceComponents/${group}/${i}`;
    if (!isJson(entry) || typeof entry['$ref'] === 'string') {
      ctx.report.skip(at, 'the port could not be read');
      return [];
    }
    if (entry['name'] !== undefined || !isJson(entry['interfaceComponents'])) return [{ port: entry, pointer: at, entry: at, descriptionAt: `${at}/description` }];
    return portInDescriptor(entry, at, group, ctx);
  });
  for (const read of reads) assertValidPart('dpds', DEFINITIONS[group], read.port, read.pointer, `the port at ${read.pointer}, its $refs resolved,`);
  return reads;
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

/** Contact points, discovery/observability/control endpoints and the product's documentation, as links. */
function linksOf(doc: DpdsDocument, groups: Json, ctx: Context): Links {
  const links = new Links();
  listOf(doc.info.contactPoints).forEach((point, i) => contactLink(jsonOf(point), `/info/contactPoints/${i}`, links, ctx));
  for (const group of MANAGEMENT) for (const read of readPorts(groups, group, ctx)) managementLink(read, group, links, ctx);
  const docs = jsonOf(doc.externalDocs);
  if (links.add('documentation', textOf(docs['$href']))) {
    ctx.report.use('/externalDocs/$href');
    ctx.report.skipRest(docs, '/externalDocs', ['$href'], 'a link keeps only the address');
  }
  return links;
}

/** A contact point as a link keyed by its name (else its channel), when its address is an email address or URL. */
function contactLink(point: Json, at: string, links: Links, ctx: Context): void {
  const address = textOf(point['address']);
  const label = textOf(point['name']) ? 'name' : 'channel';
  if (!links.add(slugOf(textOf(point[label])), address)) {
    ctx.report.skip(at, `the address ${address ?? '(none)'} is neither an email address nor a URL, so it cannot be a link`);
    return;
  }
  ctx.report.use(`${at}/address`, ...(point[label] !== undefined ? [`${at}/${label}`] : []));
  ctx.report.skipRest(point, at, ['address', label], 'a link keeps only the address');
}

/**
 * A discovery, observability or control port is not a data port: it is kept as a link to its
 * endpoint, when its API definition gives one. Either way the port itself is reported.
 */
function managementLink(read: PortRead, group: PortGroup, links: Links, ctx: Context): void {
  const { port } = read;
  const kind = group.replace(/Ports$/, '');
  const name = textOf(port['name']) ?? kind;
  const api = jsonOf(jsonOf(port['promises'])['api']);
  const endpoint = readApi(textOf(api['specification']), api['definition']).location;
  const key = endpoint && isAbsoluteIri(endpoint) ? links.add(slugOf(name), endpoint) : undefined;
  if (key) ctx.report.skip(read.entry, `the ${kind} port ${name} is kept as the link ${key} to its endpoint; the rest of it is not`);
  else ctx.report.skip(read.entry, `the ${kind} port ${name} gives no endpoint URL in its API definition, so it is not kept (not even as a link)`);
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
