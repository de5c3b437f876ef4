import type { DescriptorInput } from '@quanta/model';
import type { ImportOptions } from './import-types.js';
import { textOf } from './json-reading.js';
import type { Links } from './links.js';
import { iriOf, provenanceModel, slugify, statusOf } from './mapping.js';
import type { SourceReader } from './source-reader.js';

/**
 * What ODCS and the Data Contract Specification share once a contract is registered on its own
 * (research/standards.md §3.3): the product's identity, its links, what its fields say about its
 * sensitivity, and the descriptor assembled from those parts. Ports live in contract-ports.ts.
 */

/** An output port of the descriptor, as a mapper writes it. */
export type OutputPort = NonNullable<DescriptorInput['outputPorts']>[number];
/** A field of an output port. */
export type Field = NonNullable<OutputPort['fields']>[number];
/** An input port of the descriptor. */
export type InputPort = NonNullable<DescriptorInput['inputPorts']>[number];
type Classification = NonNullable<DescriptorInput['classification']>;

/** The two contract standards, which map alike. */
export type ContractStandard = 'odcs' | 'dcs';

/** DescriptorSchema's limits (services/model/src/descriptor.ts), which a large contract can exceed. */
export const LIMITS = { ports: 50, fields: 2000, slos: 100, inputs: 200, concepts: 200 } as const;

/**
 * Reports the items of a list a mapping did not carry, with one reason: on the list itself when no
 * item was carried, so the report names it once, and on each item left otherwise.
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

const LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
/** Classifications the contract examples use that the descriptor's scale spells differently. */
const SYNONYMS: Record<string, (typeof LEVELS)[number]> = { sensitive: 'confidential', secret: 'restricted', private: 'confidential' };
const PII = /\bpii\b|personal/i;

/**
 * The product's classification, read from its fields': a product is as confidential as its most
 * confidential field, and holds PII when any field does. Each field keeps its own classification
 * in its description, so free-form ones the descriptor's scale has no word for (PayPal's 1–5, say)
 * are carried there too.
 */
export class Sensitivity {
  private level = -1;
  private pii = false;

  /** Reads a field's classification into the product's. */
  classify(value: unknown): void {
    const text = textOf(value)?.toLowerCase();
    if (!text) return;
    const level = LEVELS.indexOf(Object.hasOwn(SYNONYMS, text) ? (SYNONYMS[text] as (typeof LEVELS)[number]) : (text as (typeof LEVELS)[number]));
    this.level = Math.max(this.level, level);
    if (PII.test(text)) this.pii = true;
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
    ...(!parts.links.empty && { links: parts.links.entries }),
    ...(parts.classification && { classification: parts.classification }),
    semanticModel: provenanceModel(identity.iri, {
      identifier: parts.identifier,
      ...(parts.created && { created: parts.created }),
      standard: parts.standard,
      ports: parts.outputPorts.map((p) => ({ name: p.name, ...(version && { version }) })),
    }),
  };
}
