import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { type Identity, teamIri, TEAM_SLUG, UnauthenticatedError, UnavailableError } from '@quanta/model';

/** Where an OIDC provider's tokens are checked (QUANTA_OIDC_*, read by @quanta/config). */
export interface OidcSettings {
  /** The `iss` every token must carry. */
  readonly issuer: string;
  /** The `aud` every token must carry: this Quanta's client id or API identifier. */
  readonly audience: string;
  /** The provider's JSON Web Key Set: configuration, never taken from a token (no `jku`, no `x5u`). */
  readonly jwksUrl: string;
  /** Signature algorithms accepted, asymmetric only; `none` and HMAC never. */
  readonly algorithms: readonly string[];
  /** The claim listing the caller's groups: `quanta-admin`, `quanta-team:<slug>`. */
  readonly groupsClaim: string;
}

const ADMIN_GROUP = 'quanta-admin';
const TEAM_GROUP = 'quanta-team:';

/**
 * Verifies OIDC access tokens (JWTs) against the provider's keys with `jose` (ADR 0017): the
 * signature with a key of the configured set and one of the pinned algorithms (so `alg: none`,
 * an unsigned token, or an HMAC token "signed" with the public key are refused: the DataHub
 * GHSA-r8gm-v65f-c973 case), then `iss`, `aud`, `exp` and `nbf`. Keys are fetched from
 * `jwksUrl` and cached; an unknown `kid` refetches at most every 30 s.
 *
 * The caller's groups decide what it may do: `quanta-admin` is an admin, `quanta-team:<slug>`
 * owns that team's products and rates and reports as the team; anyone else reads.
 */
export function oidcVerifier(settings: OidcSettings): (jwt: string) => Promise<Identity> {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  return async (jwt) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...settings.algorithms],
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      }));
    } catch (error) {
      throw refusal(error);
    }
    return identityOf(payload, settings.groupsClaim);
  };
}

/** The identity a verified token's claims describe. */
function identityOf(payload: JWTPayload, groupsClaim: string): Identity {
  const raw = payload[groupsClaim];
  const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
  const teams = groups.filter((g) => g.startsWith(TEAM_GROUP)).map((g) => g.slice(TEAM_GROUP.length)).filter((t) => TEAM_SLUG.test(t));
  const consumer = teams[0] === undefined ? undefined : teamIri(teams[0]);
  return { subject: `oidc:${payload.sub as string}`, kind: 'user', admin: groups.includes(ADMIN_GROUP), teams, ...(consumer && { consumer }) };
}

/** A refused token is a 401 saying why in the provider's terms; keys that cannot be fetched are a 503. */
function refusal(error: unknown): Error {
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && !(error instanceof errors.JOSEError))) {
    return new UnavailableError('the identity provider\'s keys cannot be fetched now; retry shortly', 5);
  }
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('the access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new UnauthenticatedError(`the access token's "${error.claim}" claim is not accepted here`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new UnauthenticatedError('the access token is signed with an algorithm this server does not accept');
  return new UnauthenticatedError('the access token is not valid: its signature or form does not check out');
}
