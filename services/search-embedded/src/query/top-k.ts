/** Orders two document ids: negative when `a` ranks before `b`. */
export type DocOrder = (a: number, b: number) => number;

/** The keys hits are ranked by: ascending `primary[doc]`, then `secondary[doc]`, then `tieBreak`. */
export interface RankKeys {
  readonly primary: Float64Array;
  readonly secondary: Float64Array;
  readonly tieBreak: DocOrder;
}

/**
 * The best `k` of the first `n` ids in `docs`, in rank order. A bounded heap keeps the worst kept
 * id on top, and most ids are turned away by comparing one number with it, so a page of 200 out
 * of 100k matches costs little more than a pass over the matches and never sorts them.
 */
export function selectTop(docs: Uint32Array, n: number, k: number, keys: RankKeys): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  const order = rankOrder(keys);
  const filled = Math.min(n, k);
  for (let i = 0; i < filled; i++) {
    heap.push(docs[i] ?? 0);
    siftUp(heap, i, order);
  }
  if (filled === k) admitBetter(docs, filled, n, heap, keys, order);
  return heap.sort(order);
}

/**
 * Offers the remaining ids to a full heap. Most are turned away by comparing their keys with the
 * worst kept id's, read once per replacement instead of once per id.
 */
function admitBetter(docs: Uint32Array, from: number, n: number, heap: number[], keys: RankKeys, order: DocOrder): void {
  const { primary, secondary } = keys;
  let worstDoc = heap[0] ?? 0;
  let worst = primary[worstDoc] ?? 0;
  let worstSecondary = secondary[worstDoc] ?? 0;
  for (let i = from; i < n; i++) {
    const doc = docs[i] ?? 0;
    const key = primary[doc] ?? 0;
    if (key > worst) continue;
    if (key === worst && ((secondary[doc] ?? 0) > worstSecondary || order(doc, worstDoc) >= 0)) continue;
    heap[0] = doc;
    siftDown(heap, 0, order);
    worstDoc = heap[0] ?? 0;
    worst = primary[worstDoc] ?? 0;
    worstSecondary = secondary[worstDoc] ?? 0;
  }
}

function rankOrder(keys: RankKeys): DocOrder {
  const { primary, secondary, tieBreak } = keys;
  return (a, b) => (primary[a] ?? 0) - (primary[b] ?? 0) || (secondary[a] ?? 0) - (secondary[b] ?? 0) || tieBreak(a, b);
}

/** Moves the entry at `at` up while it ranks after its parent (the worst sits at the root). */
function siftUp(heap: number[], at: number, order: DocOrder): void {
  const doc = heap[at] ?? 0;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    const above = heap[parent] ?? 0;
    if (order(doc, above) <= 0) break;
    heap[at] = above;
    at = parent;
  }
  heap[at] = doc;
}

/** Moves the entry at `at` down while a child ranks after it. */
function siftDown(heap: number[], at: number, order: DocOrder): void {
  const doc = heap[at] ?? 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && order(heap[right] ?? 0, heap[left] ?? 0) > 0 ? right : left;
    const below = heap[child] ?? 0;
    if (order(below, doc) <= 0) break;
    heap[at] = below;
    at = child;
  }
  heap[at] = doc;
}
