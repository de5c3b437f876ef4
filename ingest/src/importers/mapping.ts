import { isAbsoluteIri, portIri, type DescriptorInput, type PortKind } from '@quanta/model';
import type { ImportOptions, Standard } from './import-types.js';

type Slo = NonNullable<NonNullable<DescriptorInput['outputPorts']>[number]['slos']>[number];

/**
 * A lowercase slug as the descriptor wants for names, domains, teams and tags:
 * `Customer Data Product` → `customer-data-product`. Undefined when nothing is left.
 */
export function slugify(text: string | undefined): string | undefined {
  const slug = (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The IRI a source id becomes (research/standards.md §3.3): `urn:uuid:<id>` for a UUID, the id
 * itself when it is already an IRI (DPDS fully qualified names are URNs), else minted under
 * `--base-iri` as `<base>/<domain>/<name>`, or `urn:<standard>:<id>` without one.
 */
export function iriOf(id: string, standard: Standard, options: ImportOptions, place?: { domain: string; name: string }): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  if (isAbsoluteIri(id)) return id;
  if (options.baseIri && place) return `${options.baseIri.replace(/\/+$/, '')}/${place.domain}/${place.name}`;
  return `urn:${standard}:${encodeURIComponent(id)}`;
}

/** An email address or URL as an IRI a descriptor accepts (`mailto:` for addresses), or undefined. */
export function contactIri(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^[^@\s:/]+@[^@\s]+\.[^@\s]+$/.test(v)) return `mailto:${v}`;
  return isAbsoluteIri(v) ? v : undefined;
}

/** The descriptor's statuses; ODPS/ODCS `proposed` and DCS `in development` are drafts, `production` is active. */
export function statusOf(status: string | undefined): { status: NonNullable<DescriptorInput['status']>; note?: string } {
  const s = (status ?? '').trim().toLowerCase();
  if (s === 'draft' || s === 'active' || s === 'deprecated' || s === 'retired') return { status: s };
  if (s === '') return { status: 'active', note: 'the source gives no status: registered as active' };
  const mapped = ['production', 'released', 'live'].includes(s) ? 'active' : ['retire', 'archived', 'end of life'].includes(s) ? 'retired' : 'draft';
  return { status: mapped, note: `status "${status}" registered as ${mapped}` };
}

const STREAMS = new Set(['kafka', 'kinesis', 'pubsub', 'pulsar', 'stream', 'streams', 'streaming', 'topic', 'topics', 'event', 'events', 'sqs', 'sns', 'rabbitmq', 'nats', 'queue', 'eventhubs']);
const FILES = new Set(['s3', 'azure', 'gcs', 'blob', 'adls', 'file', 'files', 'sftp', 'local', 'hdfs', 'parquet', 'csv', 'json', 'delta', 'iceberg', 'bucket', 'onelake']);
const APIS = new Set(['api', 'apis', 'rest', 'http', 'https', 'openapi', 'asyncapi', 'grpc']);

/**
 * The descriptor's port kind for a standard's port or server type (ODPS `type`, ODCS/DCS server
 * `type`, DPDS `servicesType`): streams and queues, files and object stores, APIs, GraphQL; every
 * database and warehouse (postgres, snowflake, bigquery, …) reads as a table. Matched by word, so
 * `snowflake` is not a lake.
 */
export function portKindOf(type: string | undefined): PortKind {
  const words = (type ?? '').toLowerCase().split(/[^a-z0-9]+/);
  const any = (set: ReadonlySet<string>) => words.some((w) => set.has(w));
  if (words.includes('graphql')) return 'graphql';
  if (any(STREAMS)) return 'stream';
  if (any(APIS)) return 'api';
  if (any(FILES)) return 'file';
  return 'table';
}

/** Names unique among ports: a name seen with several versions gets `-v<version>` (ODPS keys ports by name and version). */
export function portNames(ports: readonly { name: string; version?: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const p of ports) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const taken = new Set<string>();
  return ports.map((p, i) => {
    const base = slugify(p.name) ?? `port-${i + 1}`;
    const version = p.version?.toLowerCase().replace(/^v/, '').replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    let name = (counts.get(p.name) ?? 0) > 1 && version ? `${base}-v${version}` : base;
    while (taken.has(name)) name = `${name}-${i + 1}`;
    taken.add(name);
    return name;
  });
}

/** Tags as slugs, without repeats. */
export function tagsOf(tags: readonly unknown[] | undefined): string[] | undefined {
  const out = [...new Set((tags ?? []).map((t) => slugify(String(t))).filter((t): t is string => t !== undefined))].slice(0, 50);
  return out.length ? out : undefined;
}

/** A service level as an SLO: its kind is the metric a check reports against, its value and unit the objective. */
export function serviceLevelSlo(kind: string, value: unknown, opts: { unit?: string; element?: string; commitment?: 'slo' | 'sla'; description?: string; driver?: string } = {}): Slo {
  const objective = `${typeof value === 'object' ? JSON.stringify(value) : String(value)}${opts.unit ? ` ${opts.unit}` : ''}`.slice(0, 200);
  const extra = [opts.commitment === 'sla' ? 'SLA' : undefined, opts.element && `on ${opts.element}`, opts.driver && `driver: ${opts.driver}`, opts.description].filter(Boolean).join('; ');
  return { metric: kind.slice(0, 100), objective, ...(extra && { description: extra.slice(0, 2000) }) };
}

/** The ODCS/DCS threshold keys and how an objective reads them. */
const THRESHOLDS: [string, string][] = [
  ['mustBe', '='],
  ['mustNotBe', '≠'],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '>='],
  ['mustBeGreaterThanOrEqualTo', '>='],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '<='],
  ['mustBeLessThanOrEqualTo', '<='],
  ['mustBeBetween', 'between'],
  ['mustNotBeBetween', 'not between'],
];

/**
 * A data-quality rule (ODCS `quality[]`, DCS `quality[]`) as an SLO on its port: the dimension or
 * rule name is the metric, the threshold the objective, the query or text the description. Quanta
 * checks quality the way it checks service levels (ADR 0015).
 */
export function qualitySlo(rule: Record<string, unknown>, element: string | undefined): Slo {
  const metric = String(rule['dimension'] ?? rule['metric'] ?? rule['rule'] ?? rule['name'] ?? rule['type'] ?? 'quality');
  const found = THRESHOLDS.find(([key]) => rule[key] !== undefined);
  const unit = rule['unit'] ? ` ${String(rule['unit'])}` : '';
  const objective = found
    ? `${String(rule['metric'] ?? rule['rule'] ?? metric)} ${found[1]} ${Array.isArray(rule[found[0]]) ? (rule[found[0]] as unknown[]).join(' and ') : String(rule[found[0]])}${unit}`
    : String(rule['description'] ?? rule['type'] ?? 'as described');
  const description = [element && `on ${element}`, rule['type'] && `type ${String(rule['type'])}`, rule['query'] ?? rule['description'], rule['severity'] && `severity ${String(rule['severity'])}`]
    .filter(Boolean)
    .join('; ');
  return { metric: metric.slice(0, 100), objective: objective.slice(0, 200), ...(description && { description: description.slice(0, 2000) }) };
}

/**
 * JSON-LD the descriptor has no field for, kept in its semantic model with standard terms
 * (research/standards.md §3.4): the source id and creation time of the product, and for each port
 * its version and the contract it conforms to.
 */
export function provenanceModel(iri: string, facts: { identifier?: string; created?: string; standard: Standard; ports?: { name: string; version?: string; contract?: string }[] }): Record<string, unknown> {
  const ports = (facts.ports ?? []).filter((p) => p.version || p.contract);
  return {
    '@context': { dct: 'http://purl.org/dc/terms/', dcat: 'http://www.w3.org/ns/dcat#', xsd: 'http://www.w3.org/2001/XMLSchema#' },
    '@graph': [
      {
        '@id': iri,
        ...(facts.identifier && { 'dct:identifier': facts.identifier }),
        ...(facts.created && { 'dct:created': { '@value': facts.created, '@type': 'xsd:dateTime' } }),
        'dct:source': { '@id': STANDARD_IRIS[facts.standard] },
      },
      ...ports.map((p) => ({
        '@id': portIri(iri, p.name),
        ...(p.version && { 'dcat:version': p.version }),
        ...(p.contract && { 'dct:conformsTo': { '@id': p.contract } }),
      })),
    ],
  };
}

/** Where each standard is published: the `dct:source` of an imported descriptor. */
export const STANDARD_IRIS: Record<Standard, string> = {
  odps: 'https://github.com/bitol-io/open-data-product-standard',
  odcs: 'https://github.com/bitol-io/open-data-contract-standard',
  dpds: 'https://dpds.opendatamesh.org/',
  dcs: 'https://datacontract.com/',
};
