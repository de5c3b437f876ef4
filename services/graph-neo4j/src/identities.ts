import type { RevokeOutcome, StoredToken } from '@quanta/core';
import { type ApiToken, ConflictError } from '@quanta/model';
import type { ManagedTransaction } from 'neo4j-driver';

/*
 * API tokens (ADR 0016). Shape:
 *   (:ApiToken {id, hash, name, role, team?, consumer?, createdAt, createdBy, expiresAt?, revokedAt?})
 * Unique by id and by hash (schema.ts): a CREATE that breaks either fails on its constraint, which
 * is what makes two concurrent creations of one id store one token.
 */

const FIELDS = ['id', 'hash', 'name', 'role', 'team', 'consumer', 'createdAt', 'createdBy', 'expiresAt', 'revokedAt'] as const;

const CREATE = 'CREATE (t:ApiToken) SET t = $token';
const BY_HASH = 'MATCH (t:ApiToken {hash: $hash}) RETURN t { .* } AS t';
const ALL = 'MATCH (t:ApiToken) RETURN t { .* } AS t ORDER BY t.createdAt, t.id';
// The lock first, so that of two concurrent revocations only one reads the token as not yet revoked.
const REVOKE = `MATCH (t:ApiToken {id: $id})
SET t._lock = true REMOVE t._lock
WITH t, t.revokedAt IS NULL AS fresh
SET t.revokedAt = coalesce(t.revokedAt, $at)
RETURN fresh`;

/** A node's properties as the port's record, keeping only known fields (and no nulls). */
function tokenOf(props: Record<string, unknown>): StoredToken {
  return Object.fromEntries(FIELDS.filter((f) => props[f] !== undefined && props[f] !== null).map((f) => [f, props[f]])) as unknown as StoredToken;
}

/** Stores a new token. @throws ConflictError when its id or hash exists already */
export async function saveToken(tx: ManagedTransaction, token: StoredToken): Promise<void> {
  // Only the known fields: whatever else a caller's object carries never reaches the node.
  const properties = Object.fromEntries(FIELDS.filter((f) => token[f] !== undefined).map((f) => [f, token[f]]));
  try {
    await tx.run(CREATE, { token: properties });
  } catch (err) {
    if ((err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ConflictError(`a token with id ${token.id} or the same secret exists already`);
    }
    throw err;
  }
}

/** The token whose secret hashes to `hash`, revoked or not. */
export async function tokenByHash(tx: ManagedTransaction, hash: string): Promise<StoredToken | undefined> {
  const record = (await tx.run(BY_HASH, { hash })).records[0];
  return record && tokenOf(record.get('t') as Record<string, unknown>);
}

/** Every token without its hash, oldest first. */
export async function listTokens(tx: ManagedTransaction): Promise<ApiToken[]> {
  return (await tx.run(ALL)).records.map((r) => {
    const { hash: _secret, ...token } = tokenOf(r.get('t') as Record<string, unknown>);
    return token;
  });
}

/** Marks a token revoked, once; says whether it was now, already, or no such token. */
export async function revokeToken(tx: ManagedTransaction, id: string, at: string): Promise<RevokeOutcome> {
  const record = (await tx.run(REVOKE, { id, at })).records[0];
  if (!record) return 'unknown';
  return record.get('fresh') === true ? 'revoked' : 'already-revoked';
}
