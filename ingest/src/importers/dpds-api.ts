import type { DatasetRef, DescriptorInput } from '@quanta/model';

import { isJson, jsonOf, listOf, textOf, type Json } from './json-reading.js';

type Field = NonNullable<NonNullable<DescriptorInput['outputPorts']>[number]['fields']>[number];

/** What a port's API definition tells the catalog: the shape of its data, where it is served, which datasets it is. */
export interface ApiFacts {
  /** Top-level fields of the schemas the definition names (prefixed by schema when it names several). */
  readonly fields: Field[];
  /** The endpoint of the chosen server, when the definition gives one. */
  readonly location?: string;
  /** OpenLineage dataset identities: AsyncAPI channels and DataStore API tables on the chosen server. */
  readonly datasets: DatasetRef[];
  /** The server read, and all the servers the definition lists. */
  readonly server?: string;
  readonly servers: readonly string[];
}

/** A schema the definition names, with a label used to prefix its fields when there are several. */
interface NamedSchema {
  readonly label: string;
  readonly schema: unknown;
}

const NO_FACTS: ApiFacts = { fields: [], datasets: [], servers: [] };

/**
 * Reads a DPDS `promises.api` definition (already `$ref`-resolved) written in one of the
 * specifications DPDS recommends: AsyncAPI for streams, OpenAPI for REST, DataStore API for data
 * stores. Anything else, or a definition given as text, yields nothing.
 */
export function readApi(specification: string | undefined, definition: unknown): ApiFacts {
  if (!isJson(definition)) return NO_FACTS;
  const spec = (specification ?? '').toLowerCase();
  if (spec.includes('asyncapi') || definition['asyncapi'] !== undefined) return asyncApi(definition);
  if (spec.includes('openapi') || spec.includes('swagger') || definition['openapi'] !== undefined || definition['swagger'] !== undefined) return openApi(definition);
  if (spec.includes('datastore') || definition['datastoreapi'] !== undefined) return dataStoreApi(definition);
  return NO_FACTS;
}

/** The server a catalog entry should point at: the production one when named, else the first. */
function pickServer(servers: Json): { name?: string; server: Json } {
  const entries = Object.entries(servers).filter((e): e is [string, Json] => isJson(e[1]));
  const [name, server] = entries.find(([n]) => /^prod/i.test(n)) ?? entries[0] ?? [undefined, {}];
  return { ...(name !== undefined && { name }), server };
}

/** AsyncAPI 2.x (`servers.*.url`, `channels.<name>`) and 3.x (`servers.*.host`, `channels.*.address`). */
function asyncApi(definition: Json): ApiFacts {
  const servers = jsonOf(definition['servers']);
  const { name: server, server: chosen } = pickServer(servers);
  const protocol = textOf(chosen['protocol']);
  const location = textOf(chosen['url']) ?? (textOf(chosen['host']) && `${protocol ?? 'tcp'}://${textOf(chosen['host'])}${textOf(chosen['pathname']) ?? ''}`);
  const host = hostOf(location);
  const channels = Object.entries(jsonOf(definition['channels'])).filter((e): e is [string, Json] => isJson(e[1]));
  const datasets = protocol && host ? channels.map(([name, channel]) => ({ namespace: `${protocol}://${host}`, name: textOf(channel['address']) ?? name })) : [];
  const schemas = channels.flatMap(([name, channel]) => messagesOf(channel).map((m) => ({ label: messageLabel(m, name), schema: m['payload'] })));
  return facts({ fields: fieldsOf(schemas), location, datasets, server, servers: Object.keys(servers) });
}

/** The messages of a channel: 2.x `subscribe`/`publish` operations (with `oneOf`), 3.x `messages`. */
function messagesOf(channel: Json): Json[] {
  const operations = ['subscribe', 'publish'].map((op) => jsonOf(channel[op])['message']).filter(isJson);
  const v2 = operations.flatMap((m) => (Array.isArray(m['oneOf']) ? m['oneOf'].filter(isJson) : [m]));
  return [...v2, ...Object.values(jsonOf(channel['messages'])).filter(isJson)];
}

function messageLabel(message: Json, channel: string): string {
  const payload = jsonOf(message['payload']);
  return textOf(payload['name']) ?? textOf(payload['title']) ?? textOf(message['name']) ?? textOf(message['messageId']) ?? channel;
}

/** OpenAPI 3.x (`servers[].url`, `components.schemas`) and Swagger 2.0 (`host`, `basePath`, `definitions`). */
function openApi(definition: Json): ApiFacts {
  const first = listOf(definition['servers']).find(isJson);
  const host = textOf(definition['host']);
  const scheme = textOf(listOf(definition['schemes'])[0]) ?? 'https';
  const location = textOf(first?.['url']) ?? (host && `${scheme}://${host}${textOf(definition['basePath']) ?? ''}`);
  const named = { ...jsonOf(definition['definitions']), ...jsonOf(jsonOf(definition['components'])['schemas']) };
  const schemas = Object.entries(named).map(([label, schema]) => ({ label, schema }));
  return facts({ fields: fieldsOf(schemas), location, datasets: [], servers: [] });
}

/**
 * The DataStore API (DPDS's own, for data stores): `services.<env>` with `serverInfo` and
 * `serverVariables`, and `schema {databaseName, schemaName, tables[] {name, definition}}`.
 */
function dataStoreApi(definition: Json): ApiFacts {
  const services = jsonOf(definition['services']);
  const { name: server, server: chosen } = pickServer(services);
  const variables = jsonOf(chosen['serverVariables']);
  const info = jsonOf(chosen['serverInfo']);
  const fill = (template: string | undefined) => template?.replace(/\{(\w+)\}/g, (whole, name: string) => textOf(variables[name]) ?? whole);
  const connection = Object.values(jsonOf(info['connectionProtocols'])).find(isJson);
  const location = fill(textOf(connection?.['url']));
  const schema = jsonOf(definition['schema']);
  const tables = listOf(schema['tables']).filter(isJson);
  const dbms = textOf(info['dbmsType'])?.toLowerCase();
  const host = fill(textOf(info['host'])) ?? textOf(variables['host']);
  const port = textOf(String(info['port'] ?? ''));
  const prefix = [textOf(schema['databaseName']), textOf(schema['schemaName'])].filter(Boolean).join('.');
  const datasets = dbms && host && !host.includes('{') ? tables.flatMap((t) => (textOf(t['name']) ? [{ namespace: `${dbms}://${host}${port ? `:${port}` : ''}`, name: [prefix, textOf(t['name'])].filter(Boolean).join('.') }] : [])) : [];
  const schemas = tables.map((t, i) => ({ label: textOf(t['name']) ?? `table${i + 1}`, schema: t['definition'] }));
  return facts({ fields: fieldsOf(schemas), location, datasets, server, servers: Object.keys(services) });
}

/** Drops what the descriptor would refuse: over-long dataset names and unfilled templates. */
function facts(read: { fields: Field[]; location: string | undefined; datasets: DatasetRef[]; server?: string | undefined; servers: string[] }): ApiFacts {
  const datasets = read.datasets.filter((d) => byteLength(d.namespace) <= 768 && byteLength(d.name) <= 768).slice(0, 100);
  const location = read.location && !read.location.includes('{') && read.location.length <= 2048 ? read.location : undefined;
  return { fields: read.fields, datasets, servers: read.servers, ...(location && { location }), ...(read.server && { server: read.server }) };
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** `host[:port]` of a URL, or of a bare `host:port/path` as Kafka servers are written. */
function hostOf(location: string | undefined): string | undefined {
  if (!location) return undefined;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) {
    try {
      return new URL(location).host || undefined;
    } catch {
      return undefined;
    }
  }
  return location.split('/')[0] || undefined;
}

/** The top-level fields of every schema, prefixed with the schema's label when there are several. */
function fieldsOf(schemas: readonly NamedSchema[]): Field[] {
  const read = schemas.map((s) => ({ label: s.label, fields: schemaFields(s.schema) })).filter((s) => s.fields.length > 0);
  const byName = new Map<string, Field>();
  for (const s of read) {
    for (const f of s.fields) {
      const name = (read.length > 1 ? `${s.label}.${f.name}` : f.name).slice(0, 200);
      if (!byName.has(name)) byName.set(name, { ...f, name });
    }
  }
  return [...byName.values()].slice(0, 2000);
}

/** Fields of an Avro record, a JSON Schema object, or a DPDS DataStore (DSAS) table; none for anything else. */
function schemaFields(schema: unknown): Field[] {
  if (!isJson(schema)) return [];
  if (schema['type'] === 'record' && Array.isArray(schema['fields'])) {
    return schema['fields'].filter(isJson).flatMap((f) => field(f['name'], avroType(f['type']), f['doc']));
  }
  if (isJson(schema['properties'])) {
    return Object.entries(schema['properties']).flatMap(([name, p]) => field(name, jsonSchemaType(p), jsonOf(p)['description']));
  }
  if (Array.isArray(schema['columns'])) {
    return schema['columns'].filter(isJson).flatMap((c) => field(c['name'], textOf(c['dataType']) ?? 'unknown', c['description'] ?? c['displayName']));
  }
  return [];
}

function field(name: unknown, type: string, description: unknown): Field[] {
  const n = textOf(name);
  const d = textOf(description);
  return n ? [{ name: n, type: type.slice(0, 100), ...(d && { description: d.slice(0, 2000) }) }] : [];
}

/** An Avro type as one word: primitives and named types as written, a logical type over its base, unions joined by `|`. */
function avroType(type: unknown): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(avroType).join('|');
  if (!isJson(type)) return 'unknown';
  return textOf(type['logicalType']) ?? (typeof type['type'] === 'string' ? type['type'] : avroType(type['type']));
}

/** A JSON Schema type: `type` (several joined by `|`), else what the keywords imply. */
function jsonSchemaType(schema: unknown): string {
  const s = jsonOf(schema);
  const type = s['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(String).join('|');
  if (s['enum'] !== undefined) return 'enum';
  if (s['properties'] !== undefined || s['$ref'] !== undefined) return 'object';
  return 'any';
}
