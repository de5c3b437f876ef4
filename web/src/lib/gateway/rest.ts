import 'server-only';
import { webConfig } from '../config';
import { GatewayError } from './client';

/**
 * A REST call to the API, for the mutations that are simpler there (DESIGN.md §5). A problem+json
 * answer becomes a GatewayError with the API's own sentence (its `detail`, else its `title`).
 */
export async function rest<T>(method: 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${webConfig().apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new GatewayError(`the Quanta API at ${webConfig().apiUrl} cannot be reached (${(err as Error).message})`);
  }
  const answer = (await response.json().catch(() => ({}))) as T & { detail?: string; title?: string; issues?: { message: string }[] };
  if (!response.ok) throw new GatewayError(answer.issues?.[0]?.message ?? answer.detail ?? answer.title ?? `the Quanta API answered ${response.status}`);
  return answer;
}
