import type { ImportOptions, ImportResult } from './import-types.js';
import type { SourceReader } from './source-reader.js';

/** What a standard's mapping returns; the unmapped parts come from its reader. */
export type Mapped = Omit<ImportResult, 'standard' | 'unmapped'>;
/** A standard's mapping: the source document (already valid against its schema) onto a descriptor. */
export type Mapper = (source: SourceReader, options: ImportOptions) => Promise<Mapped>;
