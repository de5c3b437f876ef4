import type { DescriptorInput } from '@quanta/model';

/** The descriptor standards `quanta import --from` reads (research/standards.md §3). */
export const STANDARDS = ['odps', 'odcs', 'dpds', 'dcs'] as const;
/** One of {@link STANDARDS}: ODPS, ODCS, DPDS or the Data Contract Specification. */
export type Standard = (typeof STANDARDS)[number];

/** What the source document cannot say for itself, asked of the person importing it. */
export interface ImportOptions {
  /** Where the source file lives: DPDS `$ref`s resolve against it. */
  readonly path?: string;
  /** The domain when the source names none (DCS and many ODCS contracts). */
  readonly domain?: string;
  /** The owner team when the source names none. */
  readonly owner?: string;
  /**
   * Where product IRIs are minted when the source id is neither a UUID nor an IRI:
   * `<baseIri>/<domain>/<name>`. Without it, `urn:<standard>:<id>`.
   */
  readonly baseIri?: string;
}

/** A part of the source document the descriptor has no place for, by JSON Pointer. */
export interface Unmapped {
  readonly pointer: string;
  readonly reason: string;
}

/** A source document mapped onto a Quanta descriptor, with what was left behind. */
export interface ImportResult {
  readonly standard: Standard;
  /** The version the document declares (`apiVersion`, `dataContractSpecification`, …). */
  readonly standardVersion: string;
  /** The descriptor, ready to validate and register. */
  readonly descriptor: DescriptorInput;
  /** Parts of the source the descriptor does not carry. Nothing is dropped silently. */
  readonly unmapped: readonly Unmapped[];
  /** Choices the importer made for the reader to check: defaults, renamed ports, mapped statuses. */
  readonly notes: readonly string[];
}

/** One reason a source document was refused, at a JSON Pointer into it. */
export interface SourceFinding {
  readonly pointer: string;
  readonly message: string;
}

/**
 * A source document that cannot be imported: not YAML or JSON, invalid against its own standard's
 * JSON Schema, or a version this importer does not read. Carries every finding, not just the first.
 */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    message: string,
    readonly findings: readonly SourceFinding[] = [],
  ) {
    super(message);
  }
}
