import type { Client, Finding, SearchAnswer, Validation } from './client.js';
import type { DescriptorFile } from './descriptor-files.js';

/** One file's validation, as `quanta validate --json` prints it. */
export interface FileValidation {
  readonly path: string;
  readonly result: Validation;
}

/** Validates each file through the server, one after another; a refusal does not stop the others. */
export async function validateFiles(client: Client, files: readonly DescriptorFile[]): Promise<FileValidation[]> {
  const results: FileValidation[] = [];
  for (const file of files) results.push({ path: file.path, result: await client.validate(file.text, file.format) });
  return results;
}

const SEVERITY: Record<Finding['severity'], string> = { Violation: 'violation', Warning: 'warning', Info: 'info' };
const where = (pointer: string) => pointer || '(descriptor)';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A validation as a person reads it: a verdict line per file, then one line per finding or schema
 * error, each with the JSON Pointer into the descriptor and what to do about it.
 */
export function describeValidation({ path, result }: FileValidation): string[] {
  const findings = result.findings.map((f) => `    ${SEVERITY[f.severity]} ${where(f.path)}: ${f.message}`);
  if (result.valid) {
    const warnings = result.findings.filter((f) => f.severity === 'Warning').length;
    return [`✓ ${path}: valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}`, ...findings];
  }
  // Schema errors have no findings (the policies never ran); a policy refusal lists its Violations in both.
  const errors = result.findings.length > 0 ? [] : result.errors.map((e) => `    error ${where(e.pointer)}: ${e.message}`);
  // The detail names the kind of refusal itself ("The product breaks a global policy: …").
  return [`✗ ${path}: ${result.detail || result.title}`, ...errors, ...findings];
}

/** A search as a person reads it: rank, title and name, where it lives, its score, and why. */
export function describeSearch(q: string, answer: SearchAnswer): string[] {
  if (answer.hits.length === 0) return [`no data product matches “${q}”`];
  const lines = [`${plural(answer.total, 'product')} for “${q}”${answer.total > answer.hits.length ? `, the first ${answer.hits.length}` : ''}:`];
  answer.hits.forEach((hit, k) => {
    const p = hit.product;
    lines.push(`${String(k + 1).padStart(3)}. ${p.title} (${p.name})  ${p.domain} · ${p.owner} · ${p.status} · score ${hit.score.toFixed(3)}`);
    // The factors that moved it, in the ranking's own words; neutral ones say nothing.
    for (const f of hit.factors.filter((f) => Math.abs(f.value - 1) >= 0.01)) lines.push(`       ${f.name} ×${f.value.toFixed(2)}: ${f.reason}`);
    for (const note of hit.notes) lines.push(`       ${note}`);
    lines.push(`       ${p.iri}`);
  });
  return lines;
}
