import type { PortKind } from '@quanta/model';
import { LIMITS, type Field, type OutputPort } from './contract-common.js';
import { textOf, type Json } from './json-reading.js';
import { portKindOf, portNames, slugify, uniqueMetrics, within, type Carried, type SloDraft } from './mapping.js';
import { pointerOf, type SourceReader } from './source-reader.js';

/**
 * Output ports of a contract: the contract is the port (research/standards.md §3.2), so each ODCS
 * schema object or DCS model becomes one, read from the contract's server, with the contract's
 * service levels on every port and each object's quality rules on its own.
 */

/** A value found in the source, with where it was found. */
export interface Found {
  readonly value: unknown;
  readonly pointer: string;
}
/** Reads a key from the first of several objects that has it (a DCS field, then the definition it `$ref`s). */
export type Look = (key: string) => Found | undefined;

/** A {@link Look} over objects at pointers, the first one winning. */
export function lookup(...layers: readonly { value: Json; pointer: string }[]): Look {
  return (key) => {
    const layer = layers.find((l) => l.value[key] !== undefined && l.value[key] !== null);
    return layer && { value: layer.value[key], pointer: `${layer.pointer}${pointerOf(key)}` };
  };
}

/** Facts about a field the descriptor has no key for, as words for its description, with their pointers. */
export interface Facts {
  readonly facts: string[];
  readonly uses: string[];
}

/**
 * Boolean constraints (primary key, required, unique, …) and key positions as words. A flag at its
 * default (false, or position -1) says nothing the descriptor loses, so it is carried without a word.
 */
export function flagFacts(look: Look, flags: Record<string, string>): Facts {
  const out: Facts = { facts: [], uses: [] };
  for (const [key, word] of Object.entries(flags)) {
    const found = look(key);
    if (typeof found?.value !== 'boolean' && typeof found?.value !== 'number') continue;
    out.uses.push(found.pointer);
    if (found.value === true) out.facts.push(word);
    else if (typeof found.value === 'number' && found.value > 0) out.facts.push(`${word} ${found.value}`);
  }
  return out;
}

/** Value constraints (format, pattern, enum, bounds, …) as `<label> <value>`. */
export function valueFacts(look: Look, labels: Record<string, string>): Facts {
  const out: Facts = { facts: [], uses: [] };
  for (const [key, label] of Object.entries(labels)) {
    const found = look(key);
    if (found === undefined) continue;
    const v = found.value;
    out.facts.push(`${label} ${Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    out.uses.push(found.pointer);
  }
  return out;
}

/** What a mapper read for a field, before it becomes one. */
export interface FieldParts {
  readonly type: string;
  /** A business name or title, shown before the description. */
  readonly label?: string;
  readonly text?: string;
  readonly facts: readonly string[];
  readonly concept?: string;
  readonly pii?: boolean;
  readonly uses: readonly string[];
}

/**
 * A field with the facts the descriptor has no key for (column name, constraints) in brackets
 * after its description, so that a consumer reading the catalog still sees them.
 */
export function fieldOf(name: string, pointer: string, parts: FieldParts): Carried<Field> {
  const prose = parts.label && parts.text && parts.label !== parts.text ? `${parts.label}: ${parts.text}` : (parts.text ?? parts.label);
  const facts = parts.facts.length ? `[${parts.facts.join('; ')}]` : undefined;
  const description = [prose, facts].filter(Boolean).join(' ').slice(0, 2000);
  const value: Field = {
    name: name.slice(0, 200),
    type: parts.type.slice(0, 100),
    ...(description && { description }),
    ...(parts.concept && { concept: parts.concept }),
    ...(parts.pii !== undefined && { pii: parts.pii }),
  };
  return { value, pointer, uses: parts.uses };
}

/** The server a contract's ports are read from, and the pointers of what the ports took from it. */
export interface Server {
  readonly value: Json;
  readonly pointer: string;
  readonly label: string;
}

/** Server keys that say where data is when no `location` or `path` does, in address order. */
const AUTHORITY = ['host', 'account', 'project', 'region', 'regionName'] as const;
const PATH = ['catalog', 'database', 'serviceName', 'dataset', 'schema'] as const;
const LEAF = ['topic', 'stream'] as const;

/**
 * Where an object on a server is, as one string: the server's `location` or `path` (a DCS
 * `{model}` placeholder filled in), else `<type>://<host or account>/<database>/<schema>/<object>`.
 * A location is free text in the descriptor; this one tells a consumer where to read.
 */
export function serverAddress(server: Server, object: string | undefined): { location?: string; uses: string[] } {
  const s = server.value;
  const at = (key: string) => `${server.pointer}${pointerOf(key)}`;
  const direct = ['location', 'path'].find((k) => textOf(s[k]));
  if (direct) return { location: String(s[direct]).replace(/\{model\}/g, object ?? '{model}'), uses: [at(direct)] };
  const uses: string[] = [];
  const take = (key: string) => {
    const v = s[key];
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    uses.push(at(key));
    return String(v);
  };
  const authorityKey = AUTHORITY.find((k) => typeof s[k] === 'string' || typeof s[k] === 'number');
  const port = authorityKey === 'host' ? take('port') : undefined;
  const authority = authorityKey && `${take(authorityKey)}${port ? `:${port}` : ''}`;
  const leaf = LEAF.map(take).find(Boolean) ?? object;
  const path = [...PATH.map(take), leaf].filter((p): p is string => p !== undefined);
  if (!authority && !path.length) return { uses };
  return { location: `${textOf(s['type']) ?? 'server'}://${authority ?? ''}/${path.join('/')}`, uses };
}

/**
 * The server the ports are read from: the production one when a contract lists several (by its
 * environment or name), else the first. The descriptor holds one location per port, so the others
 * are reported with that reason.
 */
export function chooseServer(source: SourceReader, servers: readonly Server[], notes: string[]): Server | undefined {
  const production = (s: Server) => /^prod/i.test(textOf(s.value['environment']) ?? s.label);
  const chosen = servers.find(production) ?? servers[0];
  for (const s of servers) {
    if (s !== chosen) source.skip(s.pointer, `the descriptor holds one location per port: the ports are read from server ${chosen?.label}`);
  }
  if (chosen && servers.length > 1) notes.push(`${servers.length} servers listed: the ports are read from ${chosen.label}`);
  if (chosen) ['type', 'format'].forEach((k) => chosen.value[k] !== undefined && source.use(`${chosen.pointer}${pointerOf(k)}`));
  return chosen;
}

/** The reason server and contract roles are not registered. */
export const ROLES_REASON = 'access roles are managed by the platform, not the catalog';

/** A port's kind: the server's type says how it is read; without a server, the object's own type (topic, file, table). */
export const kindOf = (server: Server | undefined, objectType: string | undefined): PortKind =>
  portKindOf(textOf(server?.value['type']) ?? objectType);

/** An output port before the descriptor's limits are applied. */
export interface PortDraft {
  /** The schema object's or model's name, slugged into the port name. */
  readonly name: string;
  /** Where the object is in the source, or '' for a port made for a contract with none. */
  readonly pointer: string;
  readonly uses: readonly string[];
  readonly port: Omit<OutputPort, 'name' | 'fields' | 'slos'>;
  readonly fields: readonly Carried<Field>[];
  readonly quality: readonly Carried<SloDraft>[];
  /** The object's tag list, which the product's tags take in when the object is a port. */
  readonly tags?: { readonly pointer: string; readonly tags: unknown };
  /** Concepts the object gives the product (their pointers are in `uses`). */
  readonly concepts?: readonly string[];
}

/**
 * A port for a contract that describes no schema objects: Quanta's global policy refuses a product
 * without an output port, and the contract still promises its service levels on the data it serves.
 */
export function synthesizedPort(name: string, server: Server | undefined, notes: string[]): PortDraft {
  const { location, uses } = server ? serverAddress(server, undefined) : { uses: [] };
  const kind = kindOf(server, undefined);
  notes.push(`the contract describes no schema objects: one ${kind} output port "${name}" stands for it${server ? ` (server ${server.label})` : ''}`);
  const format = textOf(server?.value['format']);
  return { name, pointer: '', uses, port: { kind, ...(format && { format }), ...(location && { location }) }, fields: [], quality: [] };
}

/**
 * The output ports within the descriptor's limits (50 ports, 2000 fields and 100 SLOs a port): the
 * contract's service levels first on every port, then each object's own quality rules, their
 * metrics made unique on each port. What a limit cuts is reported by pointer and named in a note,
 * as is every renamed metric; the tag lists and concepts are those of the objects that became ports.
 */
export function assemblePorts(
  source: SourceReader,
  drafts: readonly PortDraft[],
  serviceLevels: readonly Carried<SloDraft>[],
  notes: string[],
): { outputPorts: OutputPort[]; tags: { pointer: string; tags: unknown }[]; concepts: string[] } {
  const kept = within(source, drafts, LIMITS.ports, `Quanta holds at most ${LIMITS.ports} output ports per product`);
  if (drafts.length > kept.length) {
    notes.push(`${drafts.length} schema objects: the first ${LIMITS.ports} are output ports, ${drafts.slice(kept.length).map((d) => d.name).join(', ')} are left out (Quanta holds at most ${LIMITS.ports})`);
  }
  const slas = within(source, serviceLevels, LIMITS.slos, `Quanta holds at most ${LIMITS.slos} SLOs per port`);
  const names = portNames(kept.map((d) => ({ name: d.name })));
  if (names.some((n, i) => n !== (slugify(kept[i]?.name) ?? n))) notes.push(`port names made unique: ${names.join(', ')}`);
  const outputPorts = kept.map((draft, i): OutputPort => {
    const name = names[i] as string;
    const fields = within(source, draft.fields, LIMITS.fields, `Quanta holds at most ${LIMITS.fields} fields per port`);
    if (draft.fields.length > fields.length) notes.push(`port ${name}: ${draft.fields.length} fields, the first ${LIMITS.fields} kept`);
    const quality = within(source, draft.quality, LIMITS.slos - slas.length, `Quanta holds at most ${LIMITS.slos} SLOs per port`);
    if (draft.quality.length > quality.length) notes.push(`port ${name}: ${draft.quality.length - quality.length} quality rules left out (at most ${LIMITS.slos} SLOs per port)`);
    const { slos, note } = uniqueMetrics(name, [...slas, ...quality].map((s) => s.value));
    if (note) notes.push(note);
    return { name, ...draft.port, ...(fields.length && { fields: fields.map((f) => f.value) }), ...(slos.length && { slos }) };
  });
  return { outputPorts, tags: kept.flatMap((d) => (d.tags ? [d.tags] : [])), concepts: kept.flatMap((d) => d.concepts ?? []) };
}
