import type Database from 'better-sqlite3';
import type { InsightEvent, InsightEventKind, NudgeRecord } from '@quanta/core';
import type { Iri } from '@quanta/model';

interface NudgeRow {
  product: string;
  owner: string;
  kind: NudgeRecord['kind'];
  message: string;
  at: string;
}

/**
 * The insights half of the embedded graph (issue 7): events as JSON rows in append order, and the
 * current nudges. Both are small next to products and signals (one row per decision, choice or
 * flag; one per nudged product), so they keep IRIs as text rather than term ids.
 */
export class SqliteInsightStore {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      append: db.prepare<[string, string, string]>('INSERT INTO insight_events (kind, at, body) VALUES (?, ?, ?)'),
      all: db.prepare<[], { body: string }>('SELECT body FROM insight_events ORDER BY at, seq'),
      ofKinds: db.prepare<[string], { body: string }>('SELECT body FROM insight_events WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY at, seq'),
      clearNudges: db.prepare('DELETE FROM nudges'),
      putNudge: db.prepare<[NudgeRow]>('INSERT INTO nudges (product, kind, owner, message, at) VALUES (@product, @kind, @owner, @message, @at)'),
      nudges: db.prepare<[], NudgeRow>('SELECT product, owner, kind, message, at FROM nudges ORDER BY product, kind'),
      nudgesOf: db.prepare<[string], NudgeRow>('SELECT product, owner, kind, message, at FROM nudges WHERE owner = ? ORDER BY product, kind'),
    };
  }

  appendInsightEvents(events: readonly InsightEvent[]): void {
    this.db.transaction(() => {
      for (const e of events) this.st.append.run(e.kind, e.at, JSON.stringify(e));
    })();
  }

  readInsightEvents(kinds?: readonly InsightEventKind[]): InsightEvent[] {
    const rows = kinds === undefined ? this.st.all.all() : this.st.ofKinds.all(JSON.stringify(kinds));
    return rows.map((r) => JSON.parse(r.body) as InsightEvent);
  }

  replaceNudges(nudges: readonly NudgeRecord[]): void {
    this.db.transaction(() => {
      this.st.clearNudges.run();
      for (const n of nudges) this.st.putNudge.run({ product: n.product, owner: n.owner, kind: n.kind, message: n.message, at: n.at });
    })();
  }

  readNudges(owner?: Iri): NudgeRecord[] {
    return owner === undefined ? this.st.nudges.all() : this.st.nudgesOf.all(owner);
  }
}
