import { readFileSync } from 'node:fs';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ImportRefusedError, type SourceFinding, type Standard } from './import-types.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

/**
 * The vendored schema of each standard (ingest/schemas/NOTICE.md) and the dialect it is written in:
 * ODPS and ODCS 2019-09, DPDS 2020-12, DCS draft-07 (research/standards.md §5). One schema per
 * standard: each accepts every version the importer reads (ODPS v0.9.0's own schema refuses the
 * standard's own v0.9.0 example; the v1.0.0 one accepts it).
 */
const SCHEMAS: Record<Standard, { file: string; dialect: '2019' | '2020' | 'draft-07' }> = {
  odps: { file: 'odps-v1.0.0.schema.json', dialect: '2019' },
  odcs: { file: 'odcs-v3.1.0.schema.json', dialect: '2019' },
  dpds: { file: 'dpds-v1.0.0.schema.json', dialect: '2020' },
  dcs: { file: 'dcs-v1.2.1.schema.json', dialect: 'draft-07' },
};

/** A scheme, then no whitespace: DCS server locations are URI templates (`s3://b/{model}/*.json`), which strict `uri` refuses. */
const LENIENT_URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/;

/** A standard's schema compiled, with the Ajv instance that holds it (to compile its definitions by `$ref`). */
interface Compiled {
  readonly ajv: Ajv;
  readonly id: string | undefined;
  readonly validate: ValidateFunction;
}

const compiled = new Map<Standard, Compiled>();

function compiledOf(standard: Standard): Compiled {
  const cached = compiled.get(standard);
  if (cached) return cached;
  const { file, dialect } = SCHEMAS[standard];
  const schema = JSON.parse(readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8')) as AnySchema;
  // strict: false because the standards' schemas use keywords and formats Ajv does not know.
  const options = { strict: false, allErrors: true } as const;
  const ajv = dialect === '2019' ? new Ajv2019(options) : dialect === '2020' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  // The reference tools (python-jsonschema, the datacontract CLI) do not check `uri`; the examples rely on it.
  ajv.addFormat('uri', LENIENT_URI);
  // DPDS's custom formats: its own tooling checks them with patterns the schema does not publish.
  for (const format of ['fqn', 'name', 'version', 'alphanumeric']) ajv.addFormat(format, true);
  const validate = ajv.compile(schema);
  const id = (schema as { $id?: unknown }).$id;
  const entry = { ajv, id: typeof id === 'string' ? id : undefined, validate };
  compiled.set(standard, entry);
  return entry;
}

/** An Ajv error as a finding a person can act on: where, and what the schema wanted. */
function findingOf(error: ErrorObject): SourceFinding {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties' ? ` (${String(params['additionalProperty'])})`
    : error.keyword === 'enum' ? `: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`
    : '';
  return { pointer: error.instancePath || '/', message: `${error.message ?? 'is invalid'}${detail}` };
}

/**
 * Validates a parsed source document against its standard's JSON Schema.
 * @throws ImportRefusedError with every finding (composition noise such as `must match "then"` removed)
 */
export function assertValidSource(standard: Standard, document: unknown): void {
  const { validate } = compiledOf(standard);
  if (validate(document)) return;
  throw new ImportRefusedError(`not a valid ${standard.toUpperCase()} document (${SCHEMAS[standard].file})`, findingsOf(validate, ''));
}

/**
 * Validates a part of a document that schema validation of the document itself did not see, such
 * as a DPDS port read from a file a `$ref` names, against one of the schema's definitions
 * (`#/$defs/outputPort`).
 * @param pointer where the part sits in the (resolved) document, which the findings start from
 * @param what the part, as the refusal names it
 * @throws ImportRefusedError with every finding
 */
export function assertValidPart(standard: Standard, definition: string, value: unknown, pointer: string, what: string): void {
  const { ajv, id } = compiledOf(standard);
  const validate = ajv.getSchema(`${id ?? ''}#/$defs/${definition}`);
  if (!validate) throw new Error(`${SCHEMAS[standard].file} has no definition ${definition}`);
  if (validate(value)) return;
  throw new ImportRefusedError(`not a valid ${standard.toUpperCase()} document: ${what} is not a valid ${definition} (${SCHEMAS[standard].file})`, findingsOf(validate, pointer));
}

/** A failed validation's findings under `pointer`, composition noise such as `must match "then"` removed, each once. */
function findingsOf(validate: ValidateFunction, pointer: string): SourceFinding[] {
  const errors = (validate.errors ?? []).filter((e) => !['if', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword));
  const found = (errors.length ? errors : (validate.errors ?? [])).map(findingOf).map((f) => ({ ...f, pointer: pointer ? `${pointer}${f.pointer === '/' ? '' : f.pointer}` : f.pointer }));
  return [...new Map(found.map((f) => [`${f.pointer} ${f.message}`, f])).values()];
}
