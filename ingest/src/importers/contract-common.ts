import type { DescriptorInput } from '@quanta/model';
import type { ImportOptions } from './import-types.js';
import { contactIri, iriOf, provenanceModel, qualitySlo, slugify, statusOf } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/**
 * What ODCS and the Data Contract Specification share once a contract is registered on its own
 * (research/standards.md §3.3): the product's identity, its links, what its fields say about its
 * sensitivity, and the descriptor assembled from those parts. Ports live in contract-ports.ts.
 */

/** A JSON object of the source document. */
export type Json = Record<string, unknown>;
/** An output port of the descriptor, as a mapper writes it. */
export type OutputPort = NonNullable<DescriptorInput['outputPorts']>[number];
/** A field of an output port. */
export type Field = NonNullable<OutputPort['fields']>[number];
/** An SLO of an output port. */
export type Slo = NonNullable<OutputPort['slos']>[number];
/** An input port of the descriptor. */
export type InputPort = NonNullable<DescriptorInput['inputPorts']>[number];
type Classification = NonNullable<DescriptorInput['classification']>;

/** The two contract standards, which map alike. */
export type ContractStandard = 'odcs' | 'dcs';

/** DescriptorSchema's limits (services/model/src/descriptor.ts), which a large contract can exceed. */
export const LIMITS = { ports: 50, fields: 2000, slos: 100, inputs: 200, concepts: 200 } as const;

/**
 * A value for the descriptor and the source pointers it carries. The pointers are marked used only
 * when the value is kept, so a value a limit cuts is reported (by `pointer`) rather than lost.
 */
export interface Carried<T> {
  readonly value: T;
  /** The source part the value comes from, skipped whole when the value is cut. */
  readonly pointer: string;
  readonly uses: readonly string[];
}

import { isJson, jsonOf, listOf, textOf } from './json-reading.js';

export { isJson, jsonOf, listOf, textOf };

/** Authoritative definitions that name what something means, rather than where its docs or code live. */
export const SEMANTIC = /business|semantic|ontology|concept|glossary/i;

/**
 * Reports the items of a list a mapping did not carry, with one reason. The report collapses a
 * part nothing was used under to its own pointer, so when no item was carried the reason goes on
 * the list itself, and on each item otherwise.
 */
export function skipRest(source: SourceReader, list: string, length: number, carried: ReadonlySet<number>, reason: string): void {
  if (!length) return;
  if (!carried.size) return source.skip(list, reason);
  for (let i = 0; i < length; i++) if (!carried.has(i)) source.skip(`${list}/${i}`, reason);
}

/** Prose sections joined into one description, blank ones left out, cut to `max` characters. */
export function sectionsOf(sections: readonly (string | false | undefined)[], max: number): string | undefined {
  const text = sections.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()).join('\n\n');
  return text ? text.slice(0, max) : undefined;
}

/** The product a contract registers as: who it is, where it lives, who owns it. */
export interface ContractIdentity {
  readonly iri: string;
  readonly name: string;
  readonly title?: string;
  readonly domain: string;
  readonly team: string;
  readonly status: NonNullable<DescriptorInput['status']>;
}

/**
 * The identity of a contract registered on its own. The source often names no domain (DCS never
 * does) or owner team, so the options fill in, and the notes say which default was taken.
 */
export function contractIdentity(
  standard: ContractStandard,
  facts: { id: string; title?: string; domain?: string; team?: string; status?: string },
  options: ImportOptions,
  notes: string[],
): ContractIdentity {
  const name = slugify(facts.title) ?? slugify(facts.id) ?? 'contract';
  const domain = slugify(facts.domain) ?? slugify(options.domain) ?? 'unassigned';
  if (!slugify(facts.domain)) notes.push(`no domain in the source: registered in ${domain}${options.domain ? '' : ' (pass --domain)'}`);
  const team = slugify(facts.team) ?? slugify(options.owner) ?? domain;
  if (!slugify(facts.team)) notes.push(`no owner team in the source: owned by ${team}${options.owner ? '' : ' (pass --owner)'}`);
  const { status, note } = statusOf(facts.status);
  if (note) notes.push(note);
  return {
    iri: iriOf(facts.id, standard, options, { domain, name }),
    name,
    ...(facts.title && { title: facts.title.slice(0, 200) }),
    domain,
    team,
    status,
  };
}

const LINK_KEY = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** The descriptor's `links`: keys as it wants them (a letter first, at most 64), values IRIs, a repeated key numbered. */
export class Links {
  readonly entries: Record<string, string> = {};

  /** Adds a link when `url` is an IRI (an email address becomes `mailto:`); false when it is not. */
  add(label: string | undefined, url: unknown): boolean {
    const iri = contactIri(textOf(url));
    if (!iri) return false;
    if (Object.values(this.entries).includes(iri)) return true;
    const base = keyOf(label);
    let key = base;
    for (let n = 2; this.entries[key] !== undefined; n++) key = `${base.slice(0, 60)}-${n}`;
    this.entries[key] = iri;
    return true;
  }
}

/** A source label as a link key: kept when already valid (`datacontractCli`), else slugged. */
function keyOf(label: string | undefined): string {
  if (label && LINK_KEY.test(label)) return label;
  const slug = (slugify(label) ?? 'link').slice(0, 64).replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `link-${slug}`.slice(0, 64);
}

const LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
/** Classifications the contract examples use that the descriptor's scale spells differently. */
const SYNONYMS: Record<string, (typeof LEVELS)[number]> = { sensitive: 'confidential', secret: 'restricted', private: 'confidential' };
const PII = /\bpii\b|personal/i;

/**
 * The product's classification, read from its fields': a product is as confidential as its most
 * confidential field, and holds PII when any field does. Free-form classifications the
 * descriptor's scale has no word for (PayPal's 1–5, say) are left for the unmapped report.
 */
export class Sensitivity {
  private level = -1;
  private pii = false;

  /** Reads a field's classification; true when it said something the product classification carries. */
  classify(value: unknown): boolean {
    const text = textOf(value)?.toLowerCase();
    if (!text) return false;
    const level = LEVELS.indexOf(SYNONYMS[text] ?? (text as (typeof LEVELS)[number]));
    this.level = Math.max(this.level, level);
    if (PII.test(text)) this.pii = true;
    return level >= 0 || PII.test(text);
  }

  /** True when a classification names personal data. */
  static namesPii(value: unknown): boolean {
    return PII.test(textOf(value) ?? '');
  }

  markPii(): void {
    this.pii = true;
  }

  /** The product classification, when a field named a level (the descriptor needs one to say `pii`). */
  get classification(): Classification | undefined {
    const confidentiality = LEVELS[this.level];
    return confidentiality && { confidentiality, ...(this.pii && { pii: true }) };
  }

  /** The note that says where the classification came from, when there is one. */
  get note(): string | undefined {
    const c = this.classification;
    return c && `classified ${c.confidentiality}${c.pii ? ' with PII' : ''}: the most confidential of its fields' classifications`;
  }
}

/** Keys of a quality rule its SLO carries: read by qualitySlo, or added to the description here. */
const QUALITY_KEYS = new Set(['dimension', 'metric', 'rule', 'name', 'type', 'unit', 'query', 'description', 'severity', 'schedule', 'scheduler', 'businessImpact', 'arguments', 'engine', 'implementation', 'dialect', 'method']);
/** Thresholds (`mustBe`, `mustBeBetween`, …): qualitySlo turns them into the objective. */
const THRESHOLD = /^must[A-Z]/;

/**
 * A quality rule (ODCS `quality[]`, DCS `quality[]`) as an SLO on its port. qualitySlo writes the
 * metric, objective and a description from the query; this adds what it leaves out (the rule's
 * prose when a query is given, its arguments, a custom engine's implementation, its schedule),
 * so that a rule with no threshold still says what it checks.
 */
export function qualityRule(rule: Json, pointer: string, element: string | undefined): Carried<Slo> {
  const slo = qualitySlo(rule, element);
  const show = (v: unknown) => (typeof v === 'string' ? v.trim() : JSON.stringify(v));
  const extra = [
    rule['query'] !== undefined && rule['description'] !== undefined && show(rule['description']),
    rule['name'] !== undefined && show(rule['name']) !== slo.metric && `rule ${show(rule['name'])}`,
    rule['arguments'] !== undefined && `arguments ${show(rule['arguments'])}`,
    rule['dialect'] !== undefined && `dialect ${show(rule['dialect'])}`,
    rule['method'] !== undefined && `method ${show(rule['method'])}`,
    rule['engine'] !== undefined && `engine ${show(rule['engine'])}`,
    rule['implementation'] !== undefined && `implementation ${show(rule['implementation'])}`,
    rule['businessImpact'] !== undefined && `business impact ${show(rule['businessImpact'])}`,
    rule['schedule'] !== undefined && `schedule ${[rule['scheduler'], rule['schedule']].filter((v) => v !== undefined).map(show).join(' ')}`,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  const description = [slo.description, ...extra].filter(Boolean).join('; ').slice(0, 2000);
  const uses = Object.keys(rule)
    .filter((k) => QUALITY_KEYS.has(k) || THRESHOLD.test(k))
    .map((k) => `${pointer}${pointerOf(k)}`);
  return { value: { ...slo, ...(description && { description }) }, pointer, uses };
}

/** The parts of a contract's descriptor, gathered by its standard's mapper. */
export interface ContractParts {
  readonly standard: ContractStandard;
  readonly identity: ContractIdentity;
  /** The contract id as the source spells it, kept as `dct:identifier`. */
  readonly identifier: string;
  readonly created?: string;
  readonly version?: string;
  readonly description?: string;
  readonly contact?: string;
  readonly tags?: string[];
  readonly concepts: readonly string[];
  readonly outputPorts: OutputPort[];
  readonly inputPorts: InputPort[];
  readonly links: Links;
  readonly classification?: Classification;
}

/**
 * The descriptor of a contract registered on its own, empty lists left out. Every port carries the
 * contract's version in the semantic model (`dcat:version`): the contract is the ports' promise.
 */
export function contractDescriptor(parts: ContractParts): DescriptorInput {
  const { identity, version } = parts;
  const concepts = [...new Set(parts.concepts)].slice(0, LIMITS.concepts);
  return {
    id: identity.iri,
    name: identity.name,
    ...(identity.title && { title: identity.title }),
    ...(parts.description && { description: parts.description }),
    domain: identity.domain,
    owner: { team: identity.team, ...(parts.contact && { contact: parts.contact }) },
    status: identity.status,
    ...(version && { version: version.slice(0, 64) }),
    ...(parts.tags && { tags: parts.tags }),
    ...(concepts.length && { concepts }),
    outputPorts: parts.outputPorts,
    ...(parts.inputPorts.length && { inputPorts: parts.inputPorts }),
    ...(Object.keys(parts.links.entries).length && { links: parts.links.entries }),
    ...(parts.classification && { classification: parts.classification }),
    semanticModel: provenanceModel(identity.iri, {
      identifier: parts.identifier,
      ...(parts.created && { created: parts.created }),
      standard: parts.standard,
      ports: parts.outputPorts.map((p) => ({ name: p.name, ...(version && { version }) })),
    }),
  };
}
