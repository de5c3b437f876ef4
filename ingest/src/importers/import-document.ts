import { DescriptorSchema } from '@quanta/model';
import { parse } from 'yaml';
import { importDcs } from './dcs.js';
import { importDpds } from './dpds.js';
import { ImportRefusedError, type ImportOptions, type ImportResult, type Standard } from './import-types.js';
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
 * @throws ImportRefusedError when the document is unreadable, invalid, or maps to no valid descriptor
 */
export async function importDocument(standard: Standard, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ImportRefusedError(`not YAML or JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
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
  return { standard, ...mapped, unmapped: source.unmapped() };
}
