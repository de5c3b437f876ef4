import { isAbsoluteIri, type DescriptorInput } from '@quanta/model';
import { readApi, type ApiFacts } from './dpds-api.js';
import type { Report } from './dpds-report.js';
import { isJson, jsonOf, textOf, type Json } from './json-reading.js';
import { portKindOf, serviceLevelSlo, slugify, uniqueMetrics, within, type Carried, type SloDraft } from './mapping.js';

/**
 * DPDS ports as the descriptor's: an output port's kind, format, location, fields and lineage from
 * its promised API, its SLOs from `promises.slo` and `obligations.sla`; an input port as a link to
 * the upstream product or the datasets it reads. dpds.ts reads the ports and assembles the product.
 */

type OutputPort = NonNullable<DescriptorInput['outputPorts']>[number];
type InputPort = NonNullable<DescriptorInput['inputPorts']>[number];

/** A port entity as read, `$ref`s resolved: where it sits and where its description came from. */
export interface PortRead {
  readonly port: Json;
  /** The port entity's pointer (inside a referenced whole descriptor, when the reference named one). */
  readonly pointer: string;
  /** The interface entry's pointer: what is skipped when the port is not carried at all. */
  readonly entry: string;
  readonly descriptionAt: string;
}

/** What every step of the DPDS mapping shares. */
export interface Context {
  readonly report: Report;
  readonly notes: Set<string>;
  /** The product's fully qualified name. */
  readonly fqn: string;
}

/** The descriptor's limits on SLOs per port and input ports per product (services/model/src/descriptor.ts). */
const MAX_SLOS = 100;
export const MAX_INPUTS = 200;

/** DPDS recommends camelCase names (`tripExecution`); split them so the slug keeps the words (`trip-execution`). */
export const decamel = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
/** A DPDS name as a slug, its camelCase words kept apart. */
export const slugOf = (text: string | undefined) => slugify(text === undefined ? undefined : decamel(text));

export const POLICIES = 'policies are not part of the descriptor yet';
/** Service levels the DPDS example names in `x-operationalSlo`/`x-qualitySlo` (and `…Sla`), and their SLO metrics. */
const METRICS = new Map([['availability', 'availability'], ['responsetime', 'responseTime'], ['freshness', 'freshness']]);
const SLO_GROUP = /^x-(operational|quality)sl[ao]$/i;
const UNKNOWN_LEVEL = 'not a service level Quanta reads (availability, responsetime, freshness)';

/**
 * One output port: kind and format from its promises, location, fields and lineage from its API,
 * SLOs from its SLO and SLA (at most 100, their metrics unique on the port).
 */
export function outputPort(read: PortRead, name: string, ctx: Context): OutputPort {
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
  const drafts = [...slosOf(jsonOf(port['promises'])['slo'], `${pointer}/promises/slo`, 'slo', ctx), ...slosOf(jsonOf(port['obligations'])['sla'], `${pointer}/obligations/sla`, 'sla', ctx)];
  const kept = within(report, drafts, MAX_SLOS, `Quanta holds at most ${MAX_SLOS} SLOs per port`);
  if (drafts.length > kept.length) ctx.notes.add(`port ${name}: ${drafts.length} service levels, the first ${MAX_SLOS} kept as SLOs`);
  const { slos, note } = uniqueMetrics(name, kept.map((d) => d.value));
  if (note) ctx.notes.add(note);
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
const SERVICE_TYPES = new Map([['streaming', 'stream'], ['datastore', 'table'], ['soap', 'api'], ['odata', 'api'], ['rest', 'rest']]);

function kindOf(type: string | undefined, specification: string | undefined): OutputPort['kind'] {
  const word = type?.toLowerCase().replace(/[-_ ]?services?$/, '');
  return portKindOf((word && SERVICE_TYPES.get(word)) ?? type ?? specification);
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
 * SLO drafts from a `promises.slo` or `obligations.sla` standard definition: the known levels under
 * `x-operational…`/`x-quality…` groups or at the top of `definition`, each carrying the definition's
 * description (marked used with the first one kept); each unknown level is reported.
 */
function slosOf(definition: unknown, at: string, commitment: 'slo' | 'sla', ctx: Context): Carried<SloDraft>[] {
  if (definition === undefined) return [];
  const levels = jsonOf(definition)['definition'];
  if (!isJson(levels)) {
    ctx.report.skip(at, `the ${commitment.toUpperCase()} definition is not an object of service levels`);
    return [];
  }
  const description = textOf(jsonOf(definition)['description']);
  const drafts: Carried<SloDraft>[] = [];
  const level = (key: string, value: unknown, pointer: string) => {
    const metric = METRICS.get(key.toLowerCase());
    if (metric === undefined || (typeof value !== 'string' && typeof value !== 'number')) return ctx.report.skip(pointer, UNKNOWN_LEVEL);
    const slo = serviceLevelSlo(metric, value, { commitment, ...(description && { description }) });
    drafts.push({ value: slo, pointer, uses: [pointer, ...(description ? [`${at}/description`] : [])] });
  };
  for (const [key, value] of Object.entries(levels)) {
    if (SLO_GROUP.test(key) && isJson(value)) for (const [k, v] of Object.entries(value)) level(k, v, `${at}/definition/${key}/${k}`);
    else level(key, value, `${at}/definition/${key}`);
  }
  ctx.report.skipRest(jsonOf(definition), at, ['definition', 'description'], `the ${commitment.toUpperCase()} definition's own name, version and specification are not kept`);
  return drafts;
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
 * locates (AsyncAPI channels, DataStore API tables). A port with neither is reported. Nothing is
 * marked used here: the caller keeps what fits in the descriptor's 200 input ports.
 */
export function inputPort(read: PortRead, ctx: Context): Carried<InputPort[]>[] {
  const { port, pointer } = read;
  const version = textOf(port['version']);
  const label = `input port ${textOf(port['name']) ?? 'input'}${version ? ` (version ${version})` : ''}`;
  const about = `${label}${textOf(port['description']) ? `: ${textOf(port['description'])}` : ''}`.slice(0, 2000);
  const carried = ['name', 'version'].filter((k) => port[k] !== undefined).map((k) => `${pointer}/${k}`);
  if (textOf(port['description'])) carried.push(read.descriptionAt);
  const upstream = upstreamOf(textOf(port['fullyQualifiedName']), ctx.fqn);
  if (upstream) return [{ value: [{ product: upstream, description: about }], pointer: read.entry, uses: [...carried, `${pointer}/fullyQualifiedName`] }];
  const api = jsonOf(jsonOf(port['promises'])['api']);
  const facts = readApi(textOf(api['specification']), api['definition']);
  if (facts.datasets.length === 0) {
    ctx.report.skip(read.entry, `${label} names no upstream product (its fullyQualifiedName is not another product's URN or IRI) and no dataset (no AsyncAPI channel or DataStore API table on a server)`);
    return [];
  }
  return [
    {
      value: facts.datasets.map((lineage) => ({ lineage, description: about })),
      pointer: read.entry,
      uses: [...carried, `${pointer}/promises/api/specification`],
      left: [{ pointer: `${pointer}/promises/api/definition`, reason: apiReason(textOf(api['specification']), facts) }],
    },
  ];
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
