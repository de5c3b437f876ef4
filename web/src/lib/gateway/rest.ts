import 'server-only';
import { webConfig } from '../config';
import { GatewayError, problemMessage } from './errors';

/** What a REST call sends: a JSON body, and whose token (the caller chooses: see `@/lib/session`). */
export interface RestOptions {
  readonly body?: unknown;
  /** The bearer token; none sends an anonymous request, which the API refuses on all but its public routes. */
  readonly token: string | undefined;
}

/**
 * A REST call to the API, for the mutations that are simpler there (DESIGN.md §5) and for
 * `GET /api/v1/me`. A problem+json answer becomes a GatewayError with the API's own sentence.
 * The token is explicit: a write goes with the signed-in person's token, never the UI's own.
 */
export async function rest<T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, { body, token }: RestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${webConfig().apiUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new GatewayError(`the Quanta API at ${webConfig().apiUrl} cannot be reached (${(err as Error).message})`);
  }
  const answer = (await response.json().catch(() => ({}))) as T;
  if (!response.ok) throw new GatewayError(problemMessage(answer, response.status), [], response.status);
  return answer;
}
