import type { DescriptorInput } from '@quanta/model';
import type { Mapper } from './mapper.js';
import { contactIri, iriOf, portKindOf, portNames, provenanceModel, slugify, statusOf, tagsOf } from './mapping.js';
import { pointerOf } from './source-reader.js';

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
  support?: { channel: string; url: string; tool?: string; scope?: string }[];
  team?: { name?: string; members?: { username: string; name?: string; role?: string }[] };
  authoritativeDefinitions?: { type: string; url: string }[];
  productCreatedTs?: string;
}

/** Authoritative definitions that name what a product is about, rather than where its docs live. */
const SEMANTIC = /business|semantic|ontology|concept|glossary/i;

/**
 * ODPS (Bitol Open Data Product Standard v0.9.0/v1.0.0) → descriptor (research/standards.md §3.3).
 * Output ports keep their contract as `dct:conformsTo` in the semantic model; input ports name the
 * contract's product (`urn:uuid:<contractId>`), which is the IRI an ODCS contract imported on its
 * own gets, so the link resolves when the contract is registered.
 */
export const importOdps: Mapper = async (source, options) => {
  const doc = source.document as OdpsDocument;
  const notes: string[] = [];
  ['apiVersion', 'kind', 'id', 'status', 'name', 'version', 'domain', 'tags', 'productCreatedTs'].forEach((k) => source.use(pointerOf(k)));

  const name = slugify(doc.name) ?? slugify(doc.id) ?? 'product';
  const domain = slugify(doc.domain) ?? slugify(options.domain) ?? 'unassigned';
  if (!doc.domain) notes.push(`no domain in the source: registered in ${domain}${options.domain ? '' : ' (pass --domain)'}`);
  const iri = iriOf(doc.id, 'odps', options, { domain, name });
  const { status, note } = statusOf(doc.status);
  if (note) notes.push(note);

  const owner = doc.team?.members?.find((m) => /owner/i.test(m.role ?? ''));
  const team = slugify(doc.team?.name) ?? slugify(options.owner) ?? domain;
  if (!doc.team?.name) notes.push(`no team in the source: owned by ${team}${options.owner ? '' : ' (pass --owner)'}`);
  if (doc.team?.name) source.use('/team/name');
  if (owner) source.use(pointerOf('team', 'members', doc.team?.members?.indexOf(owner) ?? 0, 'username'));

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

  const links: Record<string, string> = {};
  (doc.support ?? []).forEach((s, i) => {
    const url = contactIri(s.url);
    const key = slugify(s.tool ?? s.channel)?.replace(/[^a-zA-Z0-9_-]/g, '-');
    if (!url || !key) return;
    links[links[key] ? `${key}-${i + 1}` : key] = url;
    ['channel', 'url', 'tool'].forEach((k) => source.use(pointerOf('support', i, k)));
  });

  const concepts = (doc.authoritativeDefinitions ?? []).flatMap((d, i) => {
    if (!SEMANTIC.test(d.type) || !contactIri(d.url)) return [];
    source.use(pointerOf('authoritativeDefinitions', i));
    return [d.url];
  });

  const description = doc.description;
  if (description) source.use('/description');
  const text = description ? [description.purpose, description.limitations && `Limitations: ${description.limitations}`, description.usage && `Usage: ${description.usage}`].filter(Boolean).join('\n\n') : undefined;
  if (doc.tenant) source.skip('/tenant', 'Quanta has one tenant per deployment; the tenant is not kept');

  const descriptor: DescriptorInput = {
    id: iri,
    name,
    ...(doc.name && { title: doc.name.slice(0, 200) }),
    ...(text && { description: text }),
    domain,
    owner: { team, ...(contactIri(owner?.username) && { contact: contactIri(owner?.username) }) },
    status,
    ...(doc.version && { version: doc.version }),
    ...(tagsOf(doc.tags) && { tags: tagsOf(doc.tags) }),
    ...(concepts.length && { concepts }),
    ...(outputPorts.length && { outputPorts }),
    ...(inputPorts.some(Boolean) && { inputPorts: inputPorts.filter((p) => p !== undefined) }),
    ...(Object.keys(links).length && { links }),
    semanticModel: provenanceModel(iri, {
      identifier: doc.id,
      ...(doc.productCreatedTs && { created: doc.productCreatedTs }),
      standard: 'odps',
      ports: outputs.map((p, i) => ({ name: names[i] as string, version: p.version, ...(p.contractId && { contract: iriOf(p.contractId, 'odcs', options) }) })),
    }),
  };
  return { standardVersion: doc.apiVersion, descriptor, notes };
};
