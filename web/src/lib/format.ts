/** Formatting shared by every page, so numbers and dates read the same everywhere. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A date as "6 Dec 2026" (UTC, so server and browser agree). */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
/** A day as "6 Dec", for chart axes. */
export const formatDay = (iso: string) => shortDate.format(new Date(iso));
/** A share as a percentage; a dash when there is none. */
export const percent = (share: number | null | undefined, digits = 0) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(digits)}%`);
/** A number with fixed decimals; a dash when there is none. */
export const fixed = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? '—' : n.toFixed(digits));

/** The mean of the stars, or null without ratings. */
export function meanStars(ratings: readonly { stars: number }[]): number | null {
  return ratings.length ? ratings.reduce((s, r) => s + r.stars, 0) / ratings.length : null;
}

/** A concept IRI as people read it: its fragment or last path segment. */
export function shortIri(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'), iri.lastIndexOf(':'));
  return cut >= 0 && cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
}

/** SLO state as one word and a tone: no checks yet, all met, or breached. */
export function sloState(statuses: readonly { met: boolean; checks: number }[]): { label: string; tone: 'good' | 'bad' | 'neutral' } {
  const checked = statuses.filter((s) => s.checks > 0);
  if (checked.length === 0) return { label: 'no SLO checks', tone: 'neutral' };
  const breached = checked.filter((s) => !s.met).length;
  return breached ? { label: `${breached} SLO${breached > 1 ? 's' : ''} breached`, tone: 'bad' } : { label: 'SLOs met', tone: 'good' };
}
