import 'server-only';
import { webConfig } from '../config';
import { readToken } from '../session';
import { GatewayError, type GatewayErrorDetail, problemMessage } from './errors';

export { GatewayError, type GatewayErrorDetail } from './errors';

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

/** A read the API may refuse to some callers: its answer, or the API's sentence saying why not. */
export type Permitted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refused: string };

/** The answer, or why this caller may not have it: for pages that show the rest of themselves anyway. */
export async function permitted<T>(read: Promise<T>): Promise<Permitted<T>> {
  try {
    return { ok: true, value: await read };
  } catch (err) {
    if (err instanceof GatewayError && err.forbidden) return { ok: false, refused: err.message };
    throw err;
  }
}

/** Whose token an operation goes with; left out, the viewer's (see `@/lib/session`). */
export interface GqlOptions {
  readonly token?: string | undefined;
}

/**
 * Sends one operation to the supergraph. Every page reads through here, so pages never know the
 * transport (the vercel/commerce seam): they call the functions in `./queries`.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<T> {
  const token = 'token' in options ? options.token : await readToken();
  let response: Response;
  try {
    response = await fetch(`${webConfig().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new GatewayError(`the Quanta API at ${webConfig().apiUrl} cannot be reached (${(err as Error).message})`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GatewayErrorDetail[] };
  if (body.errors?.length) throw new GatewayError(body.errors.map((e) => e.message).join('; '), body.errors, response.ok ? undefined : response.status);
  // A refusal before GraphQL (no token, a revoked one) is a problem+json answer, not GraphQL errors.
  if (!response.ok || body.data === undefined) throw new GatewayError(problemMessage(body, response.status), [], response.status);
  return body.data;
}
