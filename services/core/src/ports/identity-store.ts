import type { ApiToken } from '@quanta/model';

/** A token as the store keeps it: its public record and the SHA-256 of its secret, never the secret. */
export interface StoredToken extends ApiToken {
  /** Hex SHA-256 of the secret. A token is 256 random bits, so a fast hash is enough: nothing to brute-force. */
  readonly hash: string;
}

/** What revoking did: revoked it now, found it revoked already, or found no such token. */
export type RevokeOutcome = 'revoked' | 'already-revoked' | 'unknown';

/**
 * API tokens (ADR 0016), kept in the graph because it is the one durable store every Quanta
 * process shares: a token created or revoked through one process holds in all at once.
 */
export interface IdentityStore {
  /** Stores a new token. @throws ConflictError when its id or hash exists already */
  saveToken(token: StoredToken): Promise<void>;
  /** The token whose secret hashes to `hash`, revoked or not; undefined when none does. */
  tokenByHash(hash: string): Promise<StoredToken | undefined>;
  /** Every token, revoked ones too, oldest first. */
  listTokens(): Promise<readonly ApiToken[]>;
  /** Marks a token revoked at `at`; a revoked token authenticates no one, and stays listed. */
  revokeToken(id: string, at: string): Promise<RevokeOutcome>;
}
