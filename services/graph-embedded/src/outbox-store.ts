import type Database from 'better-sqlite3';
import type { OutboxEntry, OutboxStatus, ProductHead } from '@quanta/core';

interface EntryRow {
  iri: string;
  revision: number;
  enqueued_at: string;
}

/**
 * The search outbox of the embedded graph (ADR 0014): the `search_outbox` table, one row per
 * product whose search document is behind. A save writes its row through {@link enqueueSaved}
 * inside the save's own savepoint, so a refused or failed save leaves none; the other methods run
 * alone, each one statement or one transaction.
 */
export class SqliteOutboxStore {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    // An existing row keeps its enqueued_at in both upserts: its age is the oldest change not yet projected.
    this.st = {
      saved: db.prepare<[string, number, string]>(
        'INSERT INTO search_outbox (iri, revision, enqueued_at) VALUES (?, ?, ?) ON CONFLICT(iri) DO UPDATE SET revision = excluded.revision',
      ),
      enqueue: db.prepare<[string, number, string]>(
        'INSERT INTO search_outbox (iri, revision, enqueued_at) VALUES (?, ?, ?) ON CONFLICT(iri) DO UPDATE SET revision = max(revision, excluded.revision)',
      ),
      complete: db.prepare<[string, number]>('DELETE FROM search_outbox WHERE iri = ? AND revision <= ?'),
      pending: db.prepare<[number], EntryRow>('SELECT iri, revision, enqueued_at FROM search_outbox ORDER BY enqueued_at, iri LIMIT ?'),
      status: db.prepare<[], { pending: number; oldest: string | null }>('SELECT count(*) AS pending, min(enqueued_at) AS oldest FROM search_outbox'),
    };
  }

  /** Records a save's new revision; call inside the save's transaction. */
  enqueueSaved(iri: string, revision: number, recordedAt: string): void {
    this.st.saved.run(iri, revision, recordedAt);
  }

  pending(limit: number): OutboxEntry[] {
    return this.st.pending.all(limit).map((r) => ({ iri: r.iri, revision: r.revision, enqueuedAt: r.enqueued_at }));
  }

  enqueue(heads: readonly ProductHead[], at: string): void {
    this.db.transaction(() => {
      for (const h of heads) this.st.enqueue.run(h.iri, h.revision, at);
    })();
  }

  complete(projected: readonly ProductHead[]): number {
    return this.db.transaction(() => projected.reduce((removed, h) => removed + this.st.complete.run(h.iri, h.revision).changes, 0))();
  }

  status(): OutboxStatus {
    const row = this.st.status.get() as { pending: number; oldest: string | null };
    return row.oldest === null ? { pending: row.pending } : { pending: row.pending, oldestEnqueuedAt: row.oldest };
  }
}
