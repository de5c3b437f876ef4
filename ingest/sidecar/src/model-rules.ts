/** A failed zod parse, as much of it as the sidecar reads: it needs no zod import of its own. */
interface Failure {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}

/**
 * Quanta's own words for what is wrong, each located by field (`count: Too small: …`), so the
 * product's log says what to fix. The rules themselves come from @quanta/model, the schemas
 * Quanta validates with: a copy would drift, and one item Quanta refuses costs its whole batch
 * a round trip.
 */
export function describeFailure(error: Failure): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)).join('; ');
}
