/** How the duplicate sentences print numbers, so every message reads the same. */

/** A score: two decimals, `0.88`. */
export const score = (x: number): string => x.toFixed(2);

/** A share as a whole percentage, `92%`. */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** A decayed count: one decimal, none when whole (`0`, `0.3`, `12`). */
export const count = (x: number): string => String(Math.round(x * 10) / 10);

/** Active consumers, as a decayed count: `0 active consumers`, `1 active consumer`, `0.3 active consumers`. */
export const activeConsumers = (x: number): string => `${count(x)} active consumer${count(x) === '1' ? '' : 's'}`;

/** A rating: two decimals and a star, `2.61★`, as the rating factor prints it. */
export const stars = (x: number): string => `${x.toFixed(2)}★`;

/** `a`, `a and b`, `a, b and c`. */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
