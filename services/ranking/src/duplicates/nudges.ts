import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import { activeConsumers, list, percent, score, stars } from './format.js';
import type { PairScore } from './pair-score.js';
import type { RetirementInput } from './retirement.js';

/** What an owner's duplicate nudge says (§B.4.4): their product, the canonical, and the evidence. */
export interface DuplicateNudgeInput {
  /** The owner's product and the group's canonical, by name. */
  readonly product: string;
  readonly canonical: string;
  /** Their pair's score. */
  readonly pair: PairScore;
  /** The product's D, and for how many days it has been below one active consumer, when known. */
  readonly activeConsumers?: number;
  readonly unusedDays?: number;
  /** Display names of upstream refs and concept IRIs; otherwise their last segment is shown. */
  readonly names?: ReadonlyMap<string, string>;
}

/** A ref or IRI as people say it: its display name, else what follows its last `#`, `/` or `:`. */
function label(ref: string, names?: ReadonlyMap<string, string>): string {
  const named = names?.get(ref);
  if (named) return named;
  const tail = ref.replace(/[#/:]+$/, '').split(/[#/:]/).at(-1);
  return tail || ref;
}

/** `same upstream x`, `same upstreams x and y`, or `5 shared upstreams (x, y, z, …)`. */
function shared(what: string, refs: readonly string[], names?: ReadonlyMap<string, string>): string | undefined {
  const labels = refs.map((r) => label(r, names));
  if (labels.length === 0) return undefined;
  if (labels.length === 1) return `same ${what} ${labels[0]}`;
  if (labels.length <= 3) return `same ${what}s ${list(labels)}`;
  return `${labels.length} shared ${what}s (${labels.slice(0, 3).join(', ')}, …)`;
}

/**
 * The weekly-digest sentence for the owner of a non-canonical duplicate, e.g. "orders-copy looks
 * like a duplicate of orders (0.88: 92% column overlap, same upstream raw.orders, 0 active
 * consumers for 90 days). Deprecate, merge, or mark 'not a duplicate' with a reason."
 */
export function duplicateNudge(input: DuplicateNudgeInput): string {
  const e = input.pair.evidence;
  const parts = [
    e.matchedColumns > 0 ? `${percent(e.contain)} column overlap` : undefined,
    shared('upstream', e.sharedUpstreams, input.names),
    shared('concept', e.sharedConcepts, input.names),
    e.matchedColumns === 0 && e.text > 0 ? `${percent(e.text)} similar description` : undefined,
    input.activeConsumers === undefined
      ? undefined
      : `${activeConsumers(input.activeConsumers)}${input.unusedDays === undefined ? '' : ` for ${Math.floor(input.unusedDays)} days`}`,
  ].filter((p): p is string => p !== undefined);
  const evidence = parts.length > 0 ? `${score(input.pair.score)}: ${parts.join(', ')}` : score(input.pair.score);
  return `${input.product} looks like a duplicate of ${input.canonical} (${evidence}). Deprecate, merge, or mark 'not a duplicate' with a reason.`;
}

/** What an owner's retirement nudge says: their product, this week's condition, and what supersedes it. */
export interface RetirementNudgeInput {
  readonly product: string;
  readonly check: RetirementInput;
  /** The canonical product that supersedes it, by name, when it is a non-canonical duplicate. */
  readonly canonical?: string;
}

/**
 * The weekly-digest sentence for the owner of a product flagged for retirement (§B.4.3), e.g.
 * "orders-old is flagged for retirement: 400 days old, 0.2 active consumers, superseded by orders,
 * for 4 weeks running. Deprecate it so consumers move on, or tell us why it should stay."
 */
export function retirementNudge(input: RetirementNudgeInput, params: RankingParams = DEFAULT_RANKING_PARAMS): string {
  const { check } = input;
  const why =
    check.nonCanonicalDuplicate && input.canonical !== undefined
      ? `superseded by ${input.canonical}`
      : check.nonCanonicalDuplicate
        ? 'superseded by a duplicate'
        : `rated at most ${stars(check.ratingUpper)}`;
  const facts = `${Math.floor(check.ageDays)} days old, ${activeConsumers(check.activeConsumers)}, ${why}`;
  return `${input.product} is flagged for retirement: ${facts}, for ${params.duplicates.retirement.weeks} weeks running. Deprecate it so consumers move on, or tell us why it should stay.`;
}
