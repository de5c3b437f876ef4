import 'server-only';
import { GatewayError } from './errors';
import { rest } from './rest';

/** Who a token is, as `GET /api/v1/me` answers (ADR 0016). */
export interface Me {
  /** How audit trails name the caller: `token:tok_…`. Not a secret. */
  readonly subject: string;
  readonly kind: string;
  readonly admin: boolean;
  /** The teams whose products (and reports) the caller owns: one for an owner token. */
  readonly teams: readonly string[];
  /** The consumer its ratings are recorded as: a team's IRI, or a consuming product's. */
  readonly consumer?: string;
}

/** Who the token is, or why the API would not say: its own sentence, and whether it refused the token itself. */
export type WhoIs = { readonly ok: true; readonly me: Me } | { readonly ok: false; readonly refused: boolean; readonly reason: string };

/** Asks the API who `token` is. A refused token is an answer here, not an error; an API that cannot be reached is not one. */
export async function whoIs(token: string): Promise<WhoIs> {
  try {
    const me = await rest<Me>('GET', '/api/v1/me', { token });
    return { ok: true, me: { subject: me.subject, kind: me.kind, admin: me.admin === true, teams: me.teams ?? [], ...(me.consumer && { consumer: me.consumer }) } };
  } catch (err) {
    if (err instanceof GatewayError) return { ok: false, refused: err.unauthenticated, reason: err.message };
    throw err;
  }
}
