import type Database from 'better-sqlite3';
import type { ApiToken } from '@quanta/model';
import { ConflictError } from '@quanta/model';
import type { RevokeOutcome, StoredToken } from '@quanta/core';

interface TokenRow {
  id: string;
  hash: string;
  name: string;
  role: ApiToken['role'];
  team: string | null;
  consumer: string | null;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** A row as the port's record: absent columns are absent keys, not nulls. */
function tokenOf(r: TokenRow): StoredToken {
  return {
    id: r.id,
    hash: r.hash,
    name: r.name,
    role: r.role,
    ...(r.team !== null && { team: r.team }),
    ...(r.consumer !== null && { consumer: r.consumer }),
    createdAt: r.created_at,
    createdBy: r.created_by,
    ...(r.expires_at !== null && { expiresAt: r.expires_at }),
    ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
  };
}

/** The embedded graph's API tokens (ADR 0016): the `api_tokens` table, keyed by id, unique by hash. */
export class SqliteIdentityStore {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = {
      insert: db.prepare(
        'INSERT INTO api_tokens (id, hash, name, role, team, consumer, created_at, created_by, expires_at, revoked_at) VALUES (@id, @hash, @name, @role, @team, @consumer, @createdAt, @createdBy, @expiresAt, @revokedAt)',
      ),
      byHash: db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE hash = ?'),
      all: db.prepare<[], TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id'),
      revoke: db.prepare<[string, string]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      exists: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM api_tokens WHERE id = ?'),
    };
  }

  save(t: StoredToken): void {
    try {
      this.st.insert.run({
        id: t.id,
        hash: t.hash,
        name: t.name,
        role: t.role,
        team: t.team ?? null,
        consumer: t.consumer ?? null,
        createdAt: t.createdAt,
        createdBy: t.createdBy,
        expiresAt: t.expiresAt ?? null,
        revokedAt: t.revokedAt ?? null,
      });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ConflictError(`a token with id ${t.id} or the same secret exists already`);
      throw err;
    }
  }

  byHash(hash: string): StoredToken | undefined {
    const row = this.st.byHash.get(hash);
    return row && tokenOf(row);
  }

  list(): ApiToken[] {
    return this.st.all.all().map((r) => {
      const { hash: _secret, ...token } = tokenOf(r);
      return token;
    });
  }

  revoke(id: string, at: string): RevokeOutcome {
    if (this.st.revoke.run(at, id).changes > 0) return 'revoked';
    return (this.st.exists.get(id)?.n ?? 0) > 0 ? 'already-revoked' : 'unknown';
  }
}
