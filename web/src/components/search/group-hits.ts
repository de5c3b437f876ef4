import type { HitView } from '@/lib/gateway/types';

/** A hit with the likely duplicates of it that search also found, shown folded under it. */
export interface HitGroup {
  readonly hit: HitView;
  readonly similar: readonly HitView[];
}

/**
 * Folds each likely duplicate under its group's canonical product when the canonical is among the
 * hits ("3 similar products"), keeping the ranked order of what stays on top. A duplicate whose
 * canonical did not match stays where it ranked: hiding it would hide a real answer.
 */
export function groupHits(hits: readonly HitView[]): HitGroup[] {
  const shown = new Set(hits.map((h) => h.product.iri));
  const folded = new Map<string, HitView[]>();
  const top: HitView[] = [];
  for (const hit of hits) {
    const canonical = hit.product.duplicateGroup?.canonical.iri;
    if (canonical && canonical !== hit.product.iri && shown.has(canonical)) {
      folded.set(canonical, [...(folded.get(canonical) ?? []), hit]);
    } else {
      top.push(hit);
    }
  }
  return top.map((hit) => ({ hit, similar: folded.get(hit.product.iri) ?? [] }));
}

/** The note the ranking puts on the hit in the exploration slot (services/ranking SLOT_NOTE). */
export const SLOT_NOTE_PREFIX = 'exploration slot';

/** Whether the hit sits in the exploration slot: a new product placed to learn whether searchers want it. */
export const isExploration = (hit: HitView) => hit.notes.some((n) => n.startsWith(SLOT_NOTE_PREFIX));

/** The factors that moved the hit most, strongest first: what a result card says in one or two lines. */
export function topReasons(hit: HitView, count = 2) {
  return [...hit.factors]
    .filter((f) => Math.abs(Math.log(f.value)) > 0.01)
    .sort((a, b) => Math.abs(Math.log(b.value)) - Math.abs(Math.log(a.value)))
    .slice(0, count);
}
