import { DescriptorSchema } from '@quanta/model';
import { parse } from 'yaml';
import { importDcs } from './dcs.js';
import { importDpds } from './dpds.js';
import { ImportRefusedError, type ImportOptions, type ImportResult, type Standard } from './import-types.js';
import { MAX_ALIASES, treeOf } from './json-reading.js';
import { importOdcs, refuseV2 } from './odcs.js';
import type { Mapper } from './mapper.js';
import { importOdps } from './odps.js';
import { SourceReader } from './source-reader.js';
import { assertValidSource } from './source-schemas.js';

const MAPPERS: Record<Standard, Mapper> = { odps: importOdps, odcs: importOdcs, dpds: importDpds, dcs: importDcs };

/**
 * Reads a source document (YAML 1.2 core schema, so dates stay strings; JSON is YAML), validates
 * it against its standard's own JSON Schema, maps it onto a descriptor and checks the descriptor
 * against Quanta's schema, so a document that cannot become a registration fails here, with reasons.
 * @throws ImportRefusedError when the document is unreadable, cyclic, invalid, or maps to no valid descriptor
 */
export async function importDocument(standard: Standard, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return (await traceImport(standard, text, options)).result;
}

/**
 * {@link importDocument}, with the reader that recorded what the mapping carried: tests check that
 * every part it marked used is in the descriptor ("nothing is dropped silently", ADR 0015).
 */
export async function traceImport(standard: Standard, text: string, options: ImportOptions = {}): Promise<{ result: ImportResult; source: SourceReader }> {
  let parsed: unknown;
  try {
    parsed = parse(text, { maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new ImportRefusedError(`not YAML or JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const document = treeOf(parsed, 'the document');
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ImportRefusedError(`${standard.toUpperCase()} documents are YAML or JSON objects`);
  }
  if (standard === 'odcs') refuseV2(String((document as { apiVersion?: unknown }).apiVersion ?? ''));
  assertValidSource(standard, document);
  const source = new SourceReader(document);
  const mapped = await MAPPERS[standard](source, options);
  const checked = DescriptorSchema.safeParse(mapped.descriptor);
  if (!checked.success) {
    throw new ImportRefusedError(
      `the ${standard.toUpperCase()} document maps to a descriptor Quanta refuses`,
      checked.error.issues.map((i) => ({ pointer: `(descriptor)/${i.path.join('/')}`, message: i.message })),
    );
  }
  return { result: { standard, ...mapped, unmapped: source.unmapped() }, source };
}
