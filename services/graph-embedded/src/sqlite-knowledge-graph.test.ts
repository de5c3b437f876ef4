import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runKnowledgeGraphContract, saveInput, testDescriptor } from '@quanta/core/testing';
import { connect } from './connection.js';
import { SqliteKnowledgeGraph } from './sqlite-knowledge-graph.js';

const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-graph-'));
  dirs.push(dir);
  return join(dir, 'graph.sqlite');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let last = '';
runKnowledgeGraphContract('SqliteKnowledgeGraph', {
  open: async () => SqliteKnowledgeGraph.open({ file: (last = freshFile()) }),
  reopen: async () => SqliteKnowledgeGraph.open({ file: last }),
});

describe('SqliteKnowledgeGraph', () => {
  it('rolls back a save that fails halfway: no revision, node or edge remains', async () => {
    const file = freshFile();
    let graph = SqliteKnowledgeGraph.open({ file });
    const ok = testDescriptor('stable');
    await graph.saveProduct(saveInput(ok));
    // Make the disk-level write of one edge fail mid-transaction, after the revision row went in.
    await graph.close();
    const db = new Database(file);
    db.exec(`CREATE TRIGGER fail_edge BEFORE INSERT ON edges WHEN NEW.type = 'ownedBy' AND (SELECT iri FROM terms WHERE id = NEW.src) LIKE '%/broken'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    db.close();
    graph = SqliteKnowledgeGraph.open({ file });
    const broken = testDescriptor('broken');
    await expect(graph.saveProduct(saveInput(broken))).rejects.toThrow('injected failure');
    expect(await graph.getProduct(broken.id)).toBeUndefined();
    expect(await graph.getNode(broken.id)).toBeUndefined();
    expect(await graph.listRevisions(broken.id)).toEqual([]);
    expect(await graph.countProducts()).toBe(1);
    const update = testDescriptor('stable', { description: 'changed', domain: 'other' });
    await expect(graph.saveProduct(saveInput(update))).resolves.toMatchObject({ outcome: 'updated' });
    await graph.close();
  });

  it('holds its data file exclusively: a second process on the same directory fails at start', async () => {
    const file = freshFile();
    const first = SqliteKnowledgeGraph.open({ file });
    expect(() => SqliteKnowledgeGraph.open({ file })).toThrow(/in use by another Quanta process/);
    await first.close();
    const second = SqliteKnowledgeGraph.open({ file });
    await second.close();
  });

  it('opens with the settings durability rests on: WAL, synchronous=FULL, exclusive locking', () => {
    const db = connect(freshFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    db.close();
  });

  it('refuses a database written by a newer schema', () => {
    const file = freshFile();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteKnowledgeGraph.open({ file })).toThrow(/schema version 99/);
  });

  it('keeps stored revisions immutable when a later one is written', async () => {
    const graph = SqliteKnowledgeGraph.open({ file: ':memory:' });
    const v1 = testDescriptor('x', { tags: ['one'] });
    await graph.saveProduct(saveInput(v1));
    await graph.saveProduct(saveInput(testDescriptor('x', { tags: ['two'] })));
    expect((await graph.getRevision(v1.id, 1))?.descriptor.tags).toEqual(['one']);
    expect((await graph.getProduct(v1.id))?.descriptor.tags).toEqual(['two']);
    await graph.close();
  });
});
