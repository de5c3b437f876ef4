import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

/**
 * Opens the graph's SQLite file with the settings Quanta's guarantees rest on:
 * - `locking_mode=EXCLUSIVE`, taken at once: a second process on the same data directory fails at
 *   start instead of writing behind the first one's in-memory search index;
 * - WAL with `synchronous=FULL`: a commit is fsynced before the caller hears of it, so an
 *   acknowledged write survives `kill -9` and power loss;
 * - a bigger page cache and WAL (see below), bounded, for write throughput.
 * @throws Error when another process holds the file, or the file has a newer schema
 */
export function connect(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Lineage writes touch index pages all over the graph (IRIs are random keys): a 64 MiB page
    // cache instead of SQLite's 2 MiB, and checkpoints every 64 MiB of WAL instead of every 4 MiB,
    // so a page rewritten by many commits is copied back once (+30 % single-event lineage ingest).
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 16384');
    // A burst can grow the WAL past that while readers hold it; once checkpointed, it shrinks back
    // to 64 MiB instead of keeping its high-water size on disk.
    db.pragma('journal_size_limit = 67108864');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`${file} is in use by another Quanta process; stop it or choose another data directory`, { cause: error });
    }
    throw error;
  }
  migrate(db, file);
  return db;
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} has schema version ${version}; this Quanta understands up to ${SCHEMA_VERSION}`);
  }
  db.transaction(() => {
    // A fresh file (version 0) gets the current schema directly; an older one steps up first.
    if (version > 0) {
      for (let from = version; from < SCHEMA_VERSION; from++) {
        const step = MIGRATIONS[from];
        if (step === undefined) throw new Error(`no migration from schema version ${from}; ${file} cannot be upgraded`);
        if (typeof step === 'string') db.exec(step);
        else step(db);
      }
    }
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
