import type Database from 'better-sqlite3';

/**
 * The `terms` dictionary: IRIs as the integer ids the graph's rows hold (schema 5). Ids are never
 * reused or renumbered, but one handed out inside a transaction that rolls back is gone with it,
 * so nothing here is cached beyond a statement: SQLite's unique index answers in a few µs.
 */
export class Terms {
  private readonly find: Database.Statement<[string], number>;
  private readonly insert: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.find = db.prepare<[string], number>('SELECT id FROM terms WHERE iri = ?').pluck();
    this.insert = db.prepare<[string]>('INSERT INTO terms (iri) VALUES (?)');
  }

  /** The id of an IRI, added when missing. */
  id(iri: string): number {
    return this.find.get(iri) ?? Number(this.insert.run(iri).lastInsertRowid);
  }

  /**
   * {@link id} remembering its answers, for one record or save: an event names the same dataset
   * and fields many times over. Drop it when the save ends, since a rollback forgets new ids.
   */
  memo(): (iri: string) => number {
    const known = new Map<string, number>();
    return (iri) => {
      let found = known.get(iri);
      if (found === undefined) known.set(iri, (found = this.id(iri)));
      return found;
    };
  }
}
