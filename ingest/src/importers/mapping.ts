import { isAbsoluteIri, portIri, type DescriptorInput, type PortKind } from '@quanta/model';
import type { ImportOptions, Standard } from './import-types.js';
import type { SourceReader } from './source-reader.js';

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

/** True for a UUID, which an id becomes `urn:uuid:<id>` from. */
export const isUuid = (id: string): boolean => UUID.test(id);

/**
 * The IRI a source id becomes (research/standards.md §3.3): `urn:uuid:<id>` for a UUID, the id
 * itself when it is already an IRI (DPDS fully qualified names are URNs), else minted under
 * `--base-iri` as `<base>/<domain>/<name>`, or `urn:<standard>:<id>` without one.
 */
export function iriOf(id: string, standard: Standard, options: ImportOptions, place?: { domain: string; name: string }): string {
  if (isUuid(id)) return `urn:uuid:${id.toLowerCase()}`;
  if (isAbsoluteIri(id)) return id;
  if (options.baseIri && place) return `${options.baseIri.replace(/\/+$/, '')}/${place.domain}/${place.name}`;
  return `urn:${standard}:${encodeURIComponent(id)}`;
}

/** Authoritative definitions that name what something means, rather than where its docs or code live. */
export const SEMANTIC = /business|semantic|ontology|concept|glossary/i;

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

/** What a mapping marks on the source: a {@link SourceReader}, or a view of one such as the DPDS report. */
export type Marks = Pick<SourceReader, 'use' | 'skip'>;

/**
 * A value for the descriptor and the source pointers it carries. The pointers are marked used only
 * when the value is kept, so a value a limit cuts is reported (by `pointer`) rather than lost.
 */
export interface Carried<T> {
  readonly value: T;
  /** The source part the value comes from, skipped whole when the value is cut. */
  readonly pointer: string;
  readonly uses: readonly string[];
  /** Parts under `pointer` the value does not carry, with the reason, reported when it is kept. */
  readonly left?: readonly { readonly pointer: string; readonly reason: string }[];
}

/**
 * Keeps the first `limit` items, marking what they carry used (and reporting what they leave);
 * the rest are reported with `reason` (an item made up by the mapper, pointer '', has nothing to report).
 */
export function within<T extends Omit<Carried<unknown>, 'value'>>(source: Marks, items: readonly T[], limit: number, reason: string): T[] {
  const kept = items.slice(0, Math.max(0, limit));
  for (const item of kept) {
    item.uses.forEach((u) => source.use(u));
    item.left?.forEach((l) => source.skip(l.pointer, l.reason));
  }
  items.slice(kept.length).forEach((item) => item.pointer && source.skip(item.pointer, reason));
  return kept;
}

/** The descriptor's limit on tags (services/model/src/descriptor.ts). */
const MAX_TAGS = 50;

/**
 * Tags as slugs, without repeats, from one or more tag lists of the source (a product's, its
 * schema objects'). Each tag kept, or repeating one kept, is marked used; one with no letter or
 * digit to slug, or past the descriptor's 50, is reported with that reason.
 */
export function tagsOf(source: Marks, lists: readonly { readonly pointer: string; readonly tags: unknown }[]): string[] | undefined {
  const out = new Set<string>();
  for (const { pointer, tags } of lists) {
    if (!Array.isArray(tags)) continue;
    if (tags.length === 0) source.use(pointer);
    tags.forEach((tag, i) => {
      const at = `${pointer}/${i}`;
      const slug = slugify(typeof tag === 'string' || typeof tag === 'number' ? String(tag) : undefined);
      if (slug === undefined) return source.skip(at, 'a tag with no letter or digit has no slug');
      if (!out.has(slug) && out.size >= MAX_TAGS) return source.skip(at, `Quanta holds at most ${MAX_TAGS} tags per product`);
      out.add(slug);
      source.use(at);
    });
  }
  return out.size ? [...out] : undefined;
}

/** An SLO of an output port, as the descriptor holds it. */
export type Slo = NonNullable<NonNullable<DescriptorInput['outputPorts']>[number]['slos']>[number];

/** An SLO as an importer drafts it, with what tells it apart from another SLO of its metric on the same port. */
export interface SloDraft {
  readonly slo: Slo;
  /** `sla` for an obligation (an SLA, a contract's service level), `slo` for a promise or a quality rule. */
  readonly commitment: 'slo' | 'sla';
  /** What it is about, most telling first (a driver, an element, a rule's own name): a repeated metric is renamed by one. */
  readonly qualifiers: readonly string[];
}

/**
 * A service level as an SLO: its kind is the metric a check reports against, its value and unit
 * the objective; commitment, element, driver and description are the SLO's description. An
 * objective longer than the descriptor's 200 characters is cut there and given whole in the description.
 */
export function serviceLevelSlo(kind: string, value: unknown, opts: { unit?: string; element?: string; commitment?: 'slo' | 'sla'; description?: string; driver?: string } = {}): SloDraft {
  const full = `${typeof value === 'object' ? JSON.stringify(value) : String(value)}${opts.unit ? ` ${opts.unit}` : ''}`;
  const objective = full.length > 200 ? `${full.slice(0, 199)}…` : full;
  const extra = [
    opts.commitment === 'sla' ? 'SLA' : undefined,
    opts.element && `on ${opts.element}`,
    opts.driver && `driver: ${opts.driver}`,
    opts.description,
    objective !== full && `objective ${full}`,
  ].filter(Boolean).join('; ');
  return {
    slo: { metric: kind.slice(0, 100), objective, ...(extra && { description: extra.slice(0, 2000) }) },
    commitment: opts.commitment ?? 'slo',
    qualifiers: [opts.driver, opts.element].filter((q): q is string => q !== undefined),
  };
}

/** At most this much of a qualifier goes into a renamed metric. */
const MAX_QUALIFIER = 40;

/**
 * The SLOs of one port with unique metrics. An SLO check names its SLO by port and metric, and
 * Quanta refuses a check whose metric matches two SLOs of one port, so a repeated metric could
 * never be checked (DescriptorSchema refuses it). The first keeps its metric; a later one becomes
 * `<metric>-sla` when it is an SLA of a metric the port also promises as an SLO, else
 * `<metric>-<qualifier>` by the first of its qualifiers (driver, element, rule) that the earlier
 * ones do not share, else `<metric>-2`, `-3`, …. The note names every rename, so the team knows
 * which metric its checks report against.
 */
export function uniqueMetrics(port: string, drafts: readonly SloDraft[]): { slos: Slo[]; note?: string } {
  const taken = new Set<string>();
  const earlier = new Map<string, SloDraft[]>();
  const renames: string[] = [];
  const slos = drafts.map((draft) => {
    const { metric } = draft.slo;
    const before = earlier.get(metric) ?? [];
    earlier.set(metric, [...before, draft]);
    if (!taken.has(metric)) {
      taken.add(metric);
      return draft.slo;
    }
    const named = (suffix: string) => `${metric.slice(0, 99 - suffix.length)}-${suffix}`;
    const suffixes = [
      ...(draft.commitment === 'sla' && before.some((b) => b.commitment === 'slo') ? ['sla'] : []),
      ...draft.qualifiers
        .filter((q) => !before.some((b) => b.qualifiers.includes(q)))
        .map((q) => slugify(q)?.slice(0, MAX_QUALIFIER).replace(/-+$/, ''))
        .filter((q): q is string => q !== undefined),
    ];
    let renamed = suffixes.map(named).find((m) => !taken.has(m));
    for (let n = 2; renamed === undefined; n++) if (!taken.has(named(String(n)))) renamed = named(String(n));
    taken.add(renamed);
    renames.push(`${metric} → ${renamed}`);
    return { ...draft.slo, metric: renamed };
  });
  if (!renames.length) return { slos };
  return { slos, note: `port ${port}: SLO metrics renamed to be unique on the port, as a check names its SLO by port and metric: ${renames.join(', ')}` };
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
