import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { PairScore } from './pair-score.js';

/** A likely-duplicate group (§B.4.1): its members sorted by id, the scored pairs among them, and their mean. */
export interface DuplicateGroup {
  readonly members: readonly string[];
  /** Every given pair with both ends in the group, sorted by ids. */
  readonly pairs: readonly PairScore[];
  /** Mean score over all member pairs, a pair that was not scored counting as 0. */
  readonly averageScore: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Connected components of the edges, each sorted, in order of their first member. */
function components(edges: readonly PairScore[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of edges) {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const out = new Map<string, string[]>();
  for (const x of [...parent.keys()].sort()) {
    const root = find(x);
    const list = out.get(root);
    if (list) list.push(x);
    else out.set(root, [x]);
  }
  return [...out.values()];
}

/**
 * Complete-link agglomerative clustering of `members` (sorted): repeatedly merge the two clusters
 * whose weakest cross pair is strongest, while every cross pair is a likely edge scoring at least
 * `threshold`. So every pair within a cluster is a likely duplicate, and A–B, B–C never pulls in an
 * unrelated C. Ties go to the clusters with the smallest first members.
 */
function completeLink(members: readonly string[], likely: readonly PairScore[], threshold: number): string[][] {
  const index = new Map(members.map((m, i) => [m, i]));
  const clusters = new Map<number, string[]>(members.map((m, i) => [i, [m]]));
  // cluster → cluster → the smallest score between them, kept only while every cross pair is likely.
  const links = new Map<number, Map<number, number>>(members.map((_, i) => [i, new Map()]));
  for (const { a, b, score } of likely) {
    const i = index.get(a) as number;
    const j = index.get(b) as number;
    links.get(i)?.set(j, Math.min(score, links.get(i)?.get(j) ?? score));
    links.get(j)?.set(i, Math.min(score, links.get(j)?.get(i) ?? score));
  }
  for (;;) {
    let best: [number, number, number] | undefined;
    for (const [i, row] of links) {
      for (const [j, s] of row) {
        if (i >= j || s < threshold) continue;
        if (!best || s > best[2] || (s === best[2] && (i < best[0] || (i === best[0] && j < best[1])))) best = [i, j, s];
      }
    }
    if (!best) break;
    const [i, j] = best;
    const rowI = links.get(i) as Map<number, number>;
    const rowJ = links.get(j) as Map<number, number>;
    for (const [k, s] of [...rowI]) {
      if (k === j) continue;
      const other = rowJ.get(k);
      if (other === undefined) {
        rowI.delete(k);
        links.get(k)?.delete(i);
      } else {
        rowI.set(k, Math.min(s, other));
        links.get(k)?.set(i, Math.min(s, other));
      }
    }
    for (const k of rowJ.keys()) links.get(k)?.delete(j);
    links.delete(j);
    (clusters.get(i) as string[]).push(...(clusters.get(j) as string[]));
    clusters.delete(j);
  }
  return [...clusters.values()].map((c) => c.sort());
}

/** Puts each pair whose ends are both in one of `sets` into that set's list. */
function pairsWithin(sets: readonly (readonly string[])[], pairs: readonly PairScore[]): PairScore[][] {
  const setOf = new Map<string, number>();
  sets.forEach((members, g) => members.forEach((m) => setOf.set(m, g)));
  const out: PairScore[][] = sets.map(() => []);
  for (const p of pairs) {
    const g = setOf.get(p.a);
    if (g !== undefined && g === setOf.get(p.b)) out[g]?.push(p);
  }
  return out;
}

/** The mean score over every pair of `n` members, given the scored pairs among them (one score per pair). */
const averageOver = (n: number, scored: readonly PairScore[]): number => scored.reduce((sum, p) => sum + p.score, 0) / ((n * (n - 1)) / 2);

const byIds = (p: PairScore, q: PairScore): number => (pairKey(p.a, p.b) < pairKey(q.a, q.b) ? -1 : 1);

/**
 * Duplicate groups (§B.4.1): connected components of the likely pairs; a component whose average
 * pairwise score (over all its member pairs, an unscored pair counting as 0) is below
 * `groupAverage` is a chain rather than a group, and is split by complete-link clustering. Only
 * groups of two or more, sorted by their first member. A pair given twice counts once, the higher.
 */
export function duplicateGroups(pairs: readonly PairScore[], params: RankingParams = DEFAULT_RANKING_PARAMS): DuplicateGroup[] {
  const d = params.duplicates;
  const unique = new Map<string, PairScore>();
  for (const p of pairs) {
    const k = pairKey(p.a, p.b);
    const held = unique.get(k);
    if (!held || p.score > held.score) unique.set(k, p);
  }
  // In id order, so the sums behind each average (and the split decisions) never depend on input order.
  const scored = [...unique.values()].sort(byIds);
  const likely = scored.filter((p) => p.band === 'likely' && p.score >= d.likely);
  const parts = components(likely);
  const partLikely = pairsWithin(parts, likely);
  const partScored = pairsWithin(parts, scored);
  const groups: string[][] = [];
  parts.forEach((members, g) => {
    if (averageOver(members.length, partScored[g] as PairScore[]) >= d.groupAverage) groups.push(members);
    else groups.push(...completeLink(members, partLikely[g] as PairScore[], d.likely).filter((c) => c.length >= 2));
  });
  groups.sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1));
  const within = pairsWithin(groups, scored);
  return groups.map((members, g) => {
    const own = within[g] as PairScore[];
    return { members, pairs: own, averageScore: averageOver(members.length, own) };
  });
}
