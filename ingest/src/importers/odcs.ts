import { Sensitivity, contractDescriptor, contractIdentity, sectionsOf, skipRest } from './contract-common.js';
import { ROLES_REASON, assemblePorts, chooseServer, kindOf, serverAddress, synthesizedPort, type PortDraft, type Server } from './contract-ports.js';
import { ImportRefusedError } from './import-types.js';
import { jsonOf, listOf, textOf, type Json } from './json-reading.js';
import { Links, supportLinks } from './links.js';
import type { Mapper } from './mapper.js';
import { SEMANTIC, contactIri, serviceLevelSlo, tagsOf, type Carried, type SloDraft } from './mapping.js';
import { propertyFields, type Context } from './odcs-properties.js';
import { qualityRule } from './quality-rules.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/** The top level of an ODCS v3 contract, as far as the mapping reads it (the schema has checked it). */
interface OdcsDocument {
  apiVersion: string;
  id: string;
  version: string;
  status: string;
  name?: string;
  dataProduct?: string;
  domain?: string;
  tenant?: string;
  tags?: unknown[];
  description?: Json;
  servers?: Json[];
  schema?: Json[];
  support?: Json[];
  team?: Json | Json[];
  slaDefaultElement?: string;
  slaProperties?: Json[];
  authoritativeDefinitions?: Json[];
  contractCreatedTs?: string;
}


/**
 * ODCS (Bitol Open Data Contract Standard v3.0.x–v3.1.0) → descriptor, the contract registered on
 * its own as a product (research/standards.md §3.3): each schema object is an output port read
 * from the contract's server, its properties the port's fields, the contract's `slaProperties`
 * SLOs on every port and the quality rules SLOs on their object's port. A UUID id becomes
 * `urn:uuid:<id>`, the IRI ODPS input ports name the contract by. ODCS v2 documents are refused
 * before this runs ({@link refuseV2}).
 */
export const importOdcs: Mapper = async (source, options) => {
  const doc = source.document as OdcsDocument;
  const notes: string[] = [];
  ['apiVersion', 'kind', 'id', 'version', 'status', 'domain', 'contractCreatedTs'].forEach((k) => source.use(pointerOf(k)));
  skipUnregistered(source, doc);

  const owner = ownerOf(source, doc.team);
  const identity = contractIdentity('odcs', { id: doc.id, title: titleOf(source, doc), domain: doc.domain, team: owner.team, status: doc.status }, options, notes);
  const links = new Links();
  supportLinks(source, doc.support, '/support', links);
  const concepts = [
    ...definitionLinks(source, listOf(doc.authoritativeDefinitions), '/authoritativeDefinitions', links),
    ...definitionLinks(source, listOf(doc.description?.['authoritativeDefinitions']), '/description/authoritativeDefinitions', links),
  ];

  const ctx: Context = { source, server: serversOf(source, doc, notes), sensitivity: new Sensitivity() };
  const objects = listOf(doc.schema).map(jsonOf);
  const drafts = objects.length ? objects.map((o, i) => objectPort(o, pointerOf('schema', i), ctx)) : [synthesizedPort(identity.name, ctx.server, notes)];
  const ports = assemblePorts(source, drafts, serviceLevels(source, doc), notes);
  const classification = ctx.sensitivity.classification;
  const description = descriptionOf(source, doc.description);
  const tags = tagsOf(source, [{ pointer: '/tags', tags: doc.tags }, ...ports.tags]);
  if (ctx.sensitivity.note) notes.push(ctx.sensitivity.note);

  const descriptor = contractDescriptor({
    standard: 'odcs',
    identity,
    identifier: doc.id,
    ...(doc.contractCreatedTs && { created: doc.contractCreatedTs }),
    version: doc.version,
    ...(description && { description }),
    ...(owner.contact && { contact: owner.contact }),
    ...(tags && { tags }),
    concepts: [...concepts, ...ports.concepts],
    outputPorts: ports.outputPorts,
    inputPorts: [],
    links,
    ...(classification && { classification }),
  });
  return { standardVersion: doc.apiVersion, descriptor, notes };
};

/**
 * ODCS v2 (`dataset`, `quantumName`, …) was restructured in v3; the vendored schema only knows its
 * version strings. Run before schema validation, so a v2 document hears "migrate", not a list of
 * v3 schema errors.
 * @throws ImportRefusedError for a v2 document
 */
export function refuseV2(apiVersion: string): void {
  if (!/^v?2\./.test(apiVersion)) return;
  const message = `ODCS ${apiVersion} is a v2 contract, which is not read: migrate it to ODCS v3 (v3.0.0 or later) and import it again`;
  throw new ImportRefusedError(message, [{ pointer: '/apiVersion', message }]);
}

/** Top-level parts the catalog deliberately does not register, with the reason the report gives. */
function skipUnregistered(source: SourceReader, doc: OdcsDocument): void {
  const reasons: [string, string][] = [
    ['tenant', 'Quanta has one tenant per deployment; the tenant is not kept'],
    ['price', 'pricing is not part of a catalog registration'],
    ['roles', ROLES_REASON],
    ['customProperties', 'custom properties are free-form; the descriptor has no place for them'],
  ];
  for (const [key, reason] of reasons) if ((doc as unknown as Json)[key] !== undefined) source.skip(pointerOf(key), reason);
}

/**
 * The product's name and title: the contract's `name`, else the data product it belongs to, else
 * (left to the identity) its id. When both are given the contract's name wins, and `dataProduct`
 * is reported: that product is registered from its ODPS document, not from here.
 */
function titleOf(source: SourceReader, doc: OdcsDocument): string | undefined {
  const name = textOf(doc.name);
  if (name) source.use('/name');
  if (textOf(doc.dataProduct)) {
    if (name) source.skip('/dataProduct', `the contract registers as a product of its own, "${name}"; its data product is registered from its ODPS document`);
    else source.use('/dataProduct');
  }
  return name ?? textOf(doc.dataProduct);
}

/**
 * The owner team and a contact. `team` is an object with `name` and `members` since v3.1 and an
 * array of members before; the contact is a current member (no `dateOut`) whose username is an
 * email address or URL, an owner first. The other members are reported: Quanta registers the
 * owning team, not its roster.
 */
function ownerOf(source: SourceReader, team: OdcsDocument['team']): { team?: string; contact?: string } {
  if (team === undefined) return {};
  const base = Array.isArray(team) ? '/team' : '/team/members';
  const members = (Array.isArray(team) ? team : listOf(team['members'])).map(jsonOf);
  const name = Array.isArray(team) ? undefined : textOf(team['name']);
  if (name) source.use('/team/name');
  const ranked = members
    .map((member, i) => ({ member, i }))
    .filter(({ member }) => member['dateOut'] === undefined)
    .sort((a, b) => Number(/owner/i.test(String(b.member['role'] ?? ''))) - Number(/owner/i.test(String(a.member['role'] ?? ''))));
  const contact = ranked.find(({ member }) => contactIri(textOf(member['username'])));
  const reason = 'team members are not registered: the descriptor names the owner team and one contact';
  skipRest(source, base, members.length, new Set(contact ? [contact.i] : []), reason);
  if (!contact) return { ...(name && { team: name }) };
  source.use(`${base}/${contact.i}/username`);
  return { ...(name && { team: name }), contact: contactIri(textOf(contact.member['username'])) };
}

/**
 * Authoritative definitions of the contract: business or semantic ones are the concepts the
 * product is about; the others (canonical URL, privacy statement, …) are links keyed by type.
 */
function definitionLinks(source: SourceReader, definitions: unknown[], pointer: string, links: Links): string[] {
  return definitions.map(jsonOf).flatMap((d, i) => {
    const url = contactIri(textOf(d['url']));
    const type = textOf(d['type']);
    if (url && SEMANTIC.test(type ?? '')) {
      ['type', 'url'].forEach((k) => source.use(`${pointer}/${i}/${k}`));
      return [url];
    }
    if (links.add(type, url)) ['type', 'url'].forEach((k) => source.use(`${pointer}/${i}/${k}`));
    return [];
  });
}

/** `description {purpose, limitations, usage}` as prose. */
function descriptionOf(source: SourceReader, description: Json | undefined): string | undefined {
  if (!description) return undefined;
  ['purpose', 'limitations', 'usage'].forEach((k) => description[k] !== undefined && source.use(`/description/${k}`));
  if (!Object.keys(description).length) source.use('/description');
  const d = (k: string) => textOf(description[k]);
  return sectionsOf([d('purpose'), d('limitations') && `Limitations: ${d('limitations')}`, d('usage') && `Usage: ${d('usage')}`], 20_000);
}

/** The server the ports read from; its access roles are reported like the contract's. */
function serversOf(source: SourceReader, doc: OdcsDocument, notes: string[]): Server | undefined {
  const servers = listOf(doc.servers).map((s, i) => ({ value: jsonOf(s), pointer: pointerOf('servers', i), label: textOf(jsonOf(s)['server']) ?? `#${i + 1}` }));
  const server = chooseServer(source, servers, notes);
  if (server?.value['roles'] !== undefined) source.skip(`${server.pointer}/roles`, ROLES_REASON);
  return server;
}

/**
 * `slaProperties[]` as SLA SLOs for every port, an element defaulting to `slaDefaultElement` (used
 * only when a property takes it); `valueExt` and the schedule go into the description.
 */
function serviceLevels(source: SourceReader, doc: OdcsDocument): Carried<SloDraft>[] {
  const properties = listOf(doc.slaProperties).map(jsonOf);
  const fallback = textOf(doc.slaDefaultElement);
  if (doc.slaDefaultElement !== undefined) {
    if (properties.some((p) => !textOf(p['element'])) && fallback) source.use('/slaDefaultElement');
    else source.skip('/slaDefaultElement', 'no SLA property takes the default element: each names its own, or there are none');
  }
  return properties.map((p, i) => {
    const pointer = pointerOf('slaProperties', i);
    const schedule = ['scheduler', 'schedule'].filter((k) => p[k] !== undefined).map((k) => String(p[k]));
    const description = [
      textOf(p['description']),
      p['valueExt'] !== undefined && `extended value ${String(p['valueExt'])}`,
      schedule.length > 0 && `schedule ${schedule.join(' ')}`,
    ].filter((s): s is string => typeof s === 'string').join('; ');
    const element = textOf(p['element']) ?? fallback;
    const value = serviceLevelSlo(textOf(p['property']) ?? 'serviceLevel', p['value'] ?? p['valueExt'] ?? 'unspecified', {
      commitment: 'sla',
      ...(textOf(p['unit']) && { unit: textOf(p['unit']) }),
      ...(element && { element }),
      ...(textOf(p['driver']) && { driver: textOf(p['driver']) }),
      ...(description && { description }),
    });
    const keys = ['property', 'value', 'valueExt', 'unit', 'element', 'driver', 'description', 'scheduler', 'schedule'].filter((k) => p[k] !== undefined);
    return { value, pointer, uses: keys.map((k) => `${pointer}/${k}`) };
  });
}

/** Object types (`physicalType`) that say what kind of port it is rather than its data format. */
const KIND_WORD = /^(table|view|materiali[sz]ed[ _-]?view|topic|file|object|stream|queue)$/i;

/** A schema object as an output port: where it is on the server, its fields and its quality rules. */
function objectPort(object: Json, pointer: string, ctx: Context): PortDraft {
  const name = textOf(object['name']) ?? pointer;
  const physicalName = textOf(object['physicalName']);
  const physicalType = textOf(object['physicalType']);
  const address = ctx.server ? serverAddress(ctx.server, physicalName ?? name) : { location: physicalName, uses: [] };
  const format = textOf(ctx.server?.value['format']) ?? (physicalType && !KIND_WORD.test(physicalType) ? physicalType : undefined);
  const label = textOf(object['businessName']);
  const text = textOf(object['description']);
  const granularity = textOf(object['dataGranularityDescription']);
  const description = sectionsOf([label && text ? `${label}: ${text}` : (text ?? label), granularity && `Granularity: ${granularity}`, physicalName && !address.location?.includes(physicalName) && `Physical name: ${physicalName}`], 4000);
  const definitions = objectDefinitions(ctx.source, listOf(object['authoritativeDefinitions']), pointer);
  if (object['relationships'] !== undefined) ctx.source.skip(`${pointer}/relationships`, 'relationships between schema objects have no place in the descriptor');
  const { fields, quality } = propertyFields(listOf(object['properties']), `${pointer}/properties`, '', name, ctx);
  const own = listOf(object['quality']).map((r, j) => qualityRule(jsonOf(r), `${pointer}/quality/${j}`, name));
  const keys = ['name', 'physicalName', 'physicalType', 'logicalType', 'businessName', 'description', 'dataGranularityDescription'].filter((k) => object[k] !== undefined);
  return {
    name,
    pointer,
    uses: [...keys.map((k) => `${pointer}/${k}`), ...address.uses, ...definitions.uses],
    port: { kind: kindOf(ctx.server, physicalType), ...(format && { format: format.slice(0, 100) }), ...(address.location && { location: address.location.slice(0, 2048) }), ...(description && { description }) },
    fields,
    quality: [...own, ...quality],
    tags: { pointer: `${pointer}/tags`, tags: object['tags'] },
    concepts: definitions.concepts,
  };
}

/** A schema object's business definitions are concepts of the product; its other links (tutorials, implementations) have no place. */
function objectDefinitions(source: SourceReader, definitions: unknown[], pointer: string): { concepts: string[]; uses: string[] } {
  const out = { concepts: [] as string[], uses: [] as string[] };
  const carried = new Set<number>();
  definitions.map(jsonOf).forEach((d, i) => {
    const url = contactIri(textOf(d['url']));
    if (!url || !SEMANTIC.test(textOf(d['type']) ?? '')) return;
    out.concepts.push(url);
    out.uses.push(`${pointer}/authoritativeDefinitions/${i}/type`, `${pointer}/authoritativeDefinitions/${i}/url`);
    carried.add(i);
  });
  const reason = 'only business definitions are kept (as concepts); documentation and implementation links have no place on a port';
  skipRest(source, `${pointer}/authoritativeDefinitions`, definitions.length, carried, reason);
  return out;
}
