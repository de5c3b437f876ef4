import 'server-only';
import { webConfig } from '../config';

/** A GraphQL error as the gateway reports it (ADR 0012: code, kind and issues only). */
export interface GatewayErrorDetail {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly kind?: string };
}

/** The gateway answered with errors, or could not be reached. Pages show `message`; `status` picks 404 vs 500. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    message: string,
    readonly details: readonly GatewayErrorDetail[] = [],
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
}

/** How long a page waits for the API before it shows its error page instead of hanging. */
const TIMEOUT_MS = 15_000;

/** The answer, or null when the gateway said the input was wrong: for pages that then show "not found". */
export async function orNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof GatewayError && err.badInput) return null;
    throw err;
  }
}

/**
 * Sends one operation to the supergraph. Every page reads through here, so pages never know the
 * transport (the vercel/commerce seam): they call the functions in `./queries`.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${webConfig().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new GatewayError(`the Quanta API at ${webConfig().apiUrl} cannot be reached (${(err as Error).message})`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GatewayErrorDetail[] };
  if (body.errors?.length) throw new GatewayError(body.errors.map((e) => e.message).join('; '), body.errors);
  if (!response.ok || body.data === undefined) throw new GatewayError(`the Quanta API answered ${response.status}`);
  return body.data;
}
