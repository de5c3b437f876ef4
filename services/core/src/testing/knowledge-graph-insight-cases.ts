import { expect, it } from 'vitest';
import { teamIri } from '@quanta/model';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { InsightEvent, NudgeRecord } from '../ports/insight-graph.js';

const A = 'https://insights.test/products/a';
const B = 'https://insights.test/products/b';
const C = 'https://insights.test/products/c';
const ops = teamIri('ops');
const web = teamIri('web');

const decision = (kind: 'not-duplicate' | 'withdrawn', at: string, reason: string): InsightEvent => ({
  kind,
  a: A,
  b: B,
  reason,
  actor: 'alice@ops',
  schemas: ['h1', 'h2'],
  at,
});
const nudge = (product: string, owner: string, kind: NudgeRecord['kind'], message: string): NudgeRecord => ({ product, owner, kind, message, at: '2026-03-01T00:00:00.000Z' });

/**
 * The insights half of the KnowledgeGraph contract (issue 7): events come back whole, oldest
 * first and in append order at equal times, filtered by kind; nudges are replaced as a set and
 * read per owner.
 */
export function insightCases(graph: () => KnowledgeGraph): void {
  it('keeps insight events whole, in order, and reads them by kind', async () => {
    expect(await graph().readInsightEvents()).toEqual([]);
    const first = decision('not-duplicate', '2026-03-02T00:00:00.000Z', 'different grain: daily vs per event');
    const canonical: InsightEvent = { kind: 'canonical', product: B, members: [A, B, C], reason: 'most used', at: '2026-03-01T00:00:00.000Z' };
    const flagged: InsightEvent = { kind: 'flagged', product: C, reason: 'unused for 90 days', at: '2026-03-02T00:00:00.000Z' };
    await graph().appendInsightEvents([first, canonical]);
    await graph().appendInsightEvents([flagged]);
    const withdrawn = decision('withdrawn', '2026-03-02T00:00:00.000Z', 'merged after all');
    await graph().appendInsightEvents([withdrawn]);
    await graph().appendInsightEvents([]);
    // Oldest first; the three at the same instant in the order they were appended.
    expect(await graph().readInsightEvents()).toEqual([canonical, first, flagged, withdrawn]);
    expect(await graph().readInsightEvents(['not-duplicate', 'withdrawn'])).toEqual([first, withdrawn]);
    expect(await graph().readInsightEvents(['unflagged'])).toEqual([]);
  });

  it('replaces the nudges as a set and reads them per owner', async () => {
    await graph().replaceNudges([nudge(B, ops, 'duplicate', 'b looks like a duplicate of a'), nudge(A, web, 'retirement', 'a is unused'), nudge(A, web, 'duplicate', 'a overlaps c')]);
    expect((await graph().readNudges()).map((n) => [n.product, n.kind])).toEqual([
      [A, 'duplicate'],
      [A, 'retirement'],
      [B, 'duplicate'],
    ]);
    expect(await graph().readNudges(ops)).toEqual([nudge(B, ops, 'duplicate', 'b looks like a duplicate of a')]);
    await graph().replaceNudges([nudge(C, ops, 'retirement', 'c is unused')]);
    expect(await graph().readNudges()).toEqual([nudge(C, ops, 'retirement', 'c is unused')]);
    expect(await graph().readNudges(web)).toEqual([]);
    await graph().replaceNudges([]);
    expect(await graph().readNudges()).toEqual([]);
  });
}
