/** A GraphQL error as the gateway reports it (ADR 0012: code, kind and issues only). */
export interface GatewayErrorDetail {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly kind?: string };
}

/**
 * The API answered with errors, or could not be reached. Pages show `message` (the API's own
 * sentence); the getters tell a page which kind of "no" it got: not found, not for this caller,
 * not now.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    message: string,
    readonly details: readonly GatewayErrorDetail[] = [],
    /** The HTTP status, when the API answered with one that is not a success. */
    readonly status?: number,
  ) {
    super(message);
  }
  /** Whether the gateway said the input was wrong (a bad IRI, a value out of range), not that it failed. */
  get badInput(): boolean {
    return this.details.some((d) => d.extensions?.code === 'BAD_USER_INPUT' || d.extensions?.kind === 'invalid-parameter');
  }
  /** Whether a backend said it cannot answer for now (the search engine down): worth a retry, not an error page. */
  get unavailable(): boolean {
    return this.details.some((d) => d.extensions?.code === 'UNAVAILABLE');
  }
  /** Whether the API refused this caller (a 403, or a FORBIDDEN field): another token might be let in. */
  get forbidden(): boolean {
    return this.status === 403 || this.details.some((d) => d.extensions?.code === 'FORBIDDEN');
  }
  /** Whether the API did not accept the token (none, unknown, revoked or expired). */
  get unauthenticated(): boolean {
    return this.status === 401 || this.details.some((d) => d.extensions?.code === 'UNAUTHENTICATED');
  }
}

/** A problem+json answer (RFC 9457) as far as the UI reads it. */
interface Problem {
  readonly detail?: string;
  readonly title?: string;
  readonly issues?: readonly { readonly message: string }[];
}

/** The API's own sentence for a failed answer: its first issue, else its `detail`, else its `title`. */
export function problemMessage(body: unknown, status: number): string {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Problem;
  return problem.issues?.[0]?.message ?? problem.detail ?? problem.title ?? `the Quanta API answered ${status}`;
}
