/** Operations on sorted integer id arrays (interned strings), the hot path of pair scoring. */

/**
 * How many ids two sorted arrays share. With `out`, also writes the k-th shared id's index in `x`
 * to `out[2k]` and its index in `y` to `out[2k + 1]` (entries past those are left as they were,
 * so one scratch array serves every call).
 */
export function matchSorted(x: Int32Array, y: Int32Array, out?: number[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const u = x[i] as number;
    const v = y[j] as number;
    if (u === v) {
      if (out) {
        out[2 * n] = i;
        out[2 * n + 1] = j;
      }
      n++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return n;
}

/** The ids two sorted arrays share, in order. */
export function sharedIds(x: Int32Array, y: Int32Array): number[] {
  const at: number[] = [];
  const n = matchSorted(x, y, at);
  return Array.from({ length: n }, (_, k) => x[at[2 * k] as number] as number);
}

/** Whether a sorted array holds `id` (binary search). */
export function holds(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
