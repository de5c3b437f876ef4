import { isAbsoluteIri, type DescriptorInput } from '@quanta/model';
import { textOf } from './json-reading.js';
import { Links, supportLinks } from './links.js';
import type { Mapper } from './mapper.js';
import { SEMANTIC, contactIri, iriOf, isUuid, portKindOf, portNames, provenanceModel, slugify, statusOf, tagsOf } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

interface OdpsPort {
  name: string;
  version: string;
  contractId?: string;
  description?: string;
  type?: string;
  tags?: string[];
}
interface OdpsDocument {
  apiVersion: string;
  id: string;
  status: string;
  name?: string;
  version?: string;
  domain?: string;
  tenant?: string;
  description?: { purpose?: string; limitations?: string; usage?: string };
  tags?: string[];
  inputPorts?: OdpsPort[];
  outputPorts?: OdpsPort[];
  support?: unknown;
  team?: { name?: string; members?: { username: string; name?: string; role?: string }[] };
  authoritativeDefinitions?: { type: string; url: string }[];
  productCreatedTs?: string;
}

/**
 * ODPS (Bitol Open Data Product Standard v0.9.0/v1.0.0) → descriptor (research/standards.md §3.3).
 * Output ports keep their contract as `dct:conformsTo` in the semantic model; input ports name the
 * contract's product (`urn:uuid:<contractId>`), which is the IRI an ODCS contract imported on its
 * own gets, so the link resolves when the contract is registered. The ports' schemas, SLAs and
 * quality rules live in those contracts, imported on their own.
 */
export const importOdps: Mapper = async (source, options) => {
  const doc = source.document as OdpsDocument;
  const notes: string[] = [];
  ['apiVersion', 'kind', 'id', 'status', 'name', 'version', 'domain', 'productCreatedTs'].forEach((k) => source.use(pointerOf(k)));

  const name = slugify(doc.name) ?? slugify(doc.id) ?? 'product';
  const domain = slugify(doc.domain) ?? slugify(options.domain) ?? 'unassigned';
  if (!doc.domain) notes.push(`no domain in the source: registered in ${domain}${options.domain ? '' : ' (pass --domain)'}`);
  const iri = iriOf(doc.id, 'odps', options, { domain, name });
  const { status, note } = statusOf(doc.status);
  if (note) notes.push(note);

  const team = slugify(doc.team?.name) ?? slugify(options.owner) ?? domain;
  if (!doc.team?.name) notes.push(`no team in the source: owned by ${team}${options.owner ? '' : ' (pass --owner)'}`);
  if (doc.team?.name) source.use('/team/name');
  const contact = ownerContact(source, doc.team?.members ?? []);

  const outputs = doc.outputPorts ?? [];
  const names = portNames(outputs);
  const outputPorts = outputs.map((p, i): NonNullable<DescriptorInput['outputPorts']>[number] => {
    ['name', 'version', 'contractId', 'description', 'type'].forEach((k) => source.use(pointerOf('outputPorts', i, k)));
    const contract = p.contractId ? ` ODCS contract ${p.contractId}.` : '';
    return { name: names[i] as string, kind: portKindOf(p.type), description: `${p.description ?? p.name} (version ${p.version}).${contract}`.trim() };
  });
  if (names.some((n, i) => n !== slugify(outputs[i]?.name))) notes.push(`ports listed with several versions are named <name>-v<version>: ${names.join(', ')}`);

  const inputPorts = (doc.inputPorts ?? []).map((p, i) => {
    ['name', 'version', 'contractId'].forEach((k) => source.use(pointerOf('inputPorts', i, k)));
    return p.contractId
      ? { product: iriOf(p.contractId, 'odcs', options), description: `input port ${p.name} (version ${p.version}): ODCS contract ${p.contractId}` }
      : undefined;
  });
  notes.push(...contractNotes(doc, options.baseIri));

  const links = new Links();
  supportLinks(source, doc.support, '/support', links);

  const concepts = (doc.authoritativeDefinitions ?? []).flatMap((d, i) => {
    if (!SEMANTIC.test(d.type) || !contactIri(d.url)) return [];
    ['type', 'url'].forEach((k) => source.use(pointerOf('authoritativeDefinitions', i, k)));
    return [d.url];
  });

  const description = descriptionOf(source, doc.description);
  if (doc.tenant) source.skip('/tenant', 'Quanta has one tenant per deployment; the tenant is not kept');
  const tags = tagsOf(source, [{ pointer: '/tags', tags: doc.tags }]);

  const descriptor: DescriptorInput = {
    id: iri,
    name,
    ...(doc.name && { title: doc.name.slice(0, 200) }),
    ...(description && { description }),
    domain,
    owner: { team, ...(contact && { contact }) },
    status,
    ...(doc.version && { version: doc.version }),
    ...(tags && { tags }),
    ...(concepts.length && { concepts }),
    ...(outputPorts.length && { outputPorts }),
    ...(inputPorts.some(Boolean) && { inputPorts: inputPorts.filter((p) => p !== undefined) }),
    ...(!links.empty && { links: links.entries }),
    semanticModel: provenanceModel(iri, {
      identifier: doc.id,
      ...(doc.productCreatedTs && { created: doc.productCreatedTs }),
      standard: 'odps',
      ports: outputs.map((p, i) => ({ name: names[i] as string, version: p.version, ...(p.contractId && { contract: iriOf(p.contractId, 'odcs', options) }) })),
    }),
  };
  return { standardVersion: doc.apiVersion, descriptor, notes };
};

/**
 * The owner's contact: the username of the team member whose role is owner, when it is an email
 * address or URL. A username that is neither is reported, not carried.
 */
function ownerContact(source: SourceReader, members: readonly { username: string; role?: string }[]): string | undefined {
  const i = members.findIndex((m) => /owner/i.test(m.role ?? ''));
  if (i < 0) return undefined;
  const at = pointerOf('team', 'members', i, 'username');
  const contact = contactIri(members[i]?.username);
  if (contact) source.use(at);
  else source.skip(at, "the owner's username is neither an email address nor a URL, so it cannot be the owner contact");
  return contact;
}

/** `description {purpose, limitations, usage}` as prose; its links and custom properties are left to the report. */
function descriptionOf(source: SourceReader, description: OdpsDocument['description']): string | undefined {
  if (!description) return undefined;
  const sections = (['purpose', 'limitations', 'usage'] as const).flatMap((key) => {
    if (description[key] === undefined) return [];
    source.use(`/description/${key}`);
    const text = textOf(description[key]);
    return text ? [key === 'purpose' ? text : `${key === 'limitations' ? 'Limitations' : 'Usage'}: ${text}`] : [];
  });
  if (!Object.keys(description).length) source.use('/description');
  return sections.length ? sections.join('\n\n') : undefined;
}

/**
 * What the reader should know about the ports' contracts: their schemas, SLAs and quality rules
 * are not in the ODPS document but in the ODCS contracts it names, imported on their own; and
 * under `--base-iri`, a contract id that is not a UUID is linked as `urn:odcs:<id>`, while that
 * contract imported with `--base-iri` gets `<base>/<domain>/<name>`, so the link would not resolve.
 */
function contractNotes(doc: OdpsDocument, baseIri: string | undefined): string[] {
  const ids = [...new Set([...(doc.outputPorts ?? []), ...(doc.inputPorts ?? [])].flatMap((p) => (p.contractId ? [p.contractId] : [])))];
  if (!ids.length) return [];
  const notes = [`the ports' schemas, SLAs and quality rules live in their ODCS contracts (${ids.join(', ')}): import each contract on its own (quanta import --from odcs)`];
  const minted = ids.filter((id) => !isUuid(id) && !isAbsoluteIri(id));
  if (baseIri && minted.length) {
    notes.push(`contracts ${minted.join(', ')} are linked as urn:odcs:<id>, as their ids are neither UUIDs nor IRIs; imported with --base-iri they would be registered under ${baseIri.replace(/\/+$/, '')}/<domain>/<name> instead, and the links would not resolve: import those contracts without --base-iri`);
  }
  return notes;
}
