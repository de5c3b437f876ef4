import { type Identity, type Iri, type Product, teamIri } from '@quanta/model';
import {
  chooseCanonical,
  DAY_MS,
  decayedConsumers,
  declaredSchemaHash,
  DEFAULT_RANKING_PARAMS,
  DuplicateIndex,
  duplicateGroups,
  duplicateNudge,
  featuresOf,
  glossaryFrom,
  type GlossaryTerm,
  retirementNudge,
  type PairScore,
  type ProductSignals,
  type RankingParams,
} from '@quanta/ranking';
import type { FeedbackProjection } from '../feedback/feedback-projection.js';
import type { Clock } from '../ports/clock.js';
import type { CanonicalEvent, DuplicateDecisionEvent, InsightEvent, NudgeRecord, RetirementEvent } from '../ports/insight-graph.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { ProductLink } from '../ports/lineage-graph.js';
import { productPages } from '../projections/catalog-pages.js';
import { RebuildGuard } from '../projections/rebuild-guard.js';
import { Overrides } from './overrides.js';
import { PairSet } from './pair-set.js';
import { bornAt, retirementVerdict, type RetirementVerdict } from './retirement-flags.js';
import { directSources, upstreamSources } from './upstreams.js';

/**
 * How long a full run may hold the event loop before letting requests through: searches wait at
 * most this long for it, whatever the size of the mesh.
 */
const SLICE_MS = 5;
/** Registrations must pause this long before queued products are brought up to date. */
const QUIET_MS = 100;
/**
 * …and this long before a full run a burst made due: a bulk load stalls now and then (a garbage
 * collection, an fsync), and a full run started in such a gap would compete with the rest of it.
 */
const BURST_QUIET_MS = 2000;
/** More queued products than this are one full run rather than one refresh each. */
const BURST = 1000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Lets pending requests run: a full run over a large mesh would otherwise hold the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the projection keeps of each product besides its duplicate features. */
export interface ProductFacts {
  readonly iri: Iri;
  readonly name: string;
  readonly domain: string;
  readonly ownerTeam: string;
  readonly createdAt: number;
  /** Hash of its column signatures: an owner's override lapses when it changes. */
  readonly schema: string;
}

/** A likely-duplicate group as the projection holds it: members, canonical and the evidence. */
export interface GroupState {
  readonly members: readonly Iri[];
  readonly canonical: Iri;
  readonly canonicalReason: string;
  readonly averageScore: number;
  readonly pairs: readonly PairScore[];
}

/**
 * The balancing loop's duplicate half (research/ranking.md §B.4–B.5, issue 7): every product's
 * duplicate features in a {@link DuplicateIndex}, the likely and possible pairs among them (owners'
 * overrides applied), the likely-duplicate groups and each group's canonical product. Built whole
 * by `rebuild`, kept current one product at a time by `refresh`. The feedback projection reads
 * `duplicateOf` for the ranking's duplicate factor.
 *
 * Only owners' decisions and the canonical choices are stored (as insight events): the index,
 * pairs and groups are recomputed from the graph, so losing them loses nothing.
 */
export class InsightsProjection {
  private index: DuplicateIndex;
  private readonly facts = new Map<Iri, ProductFacts>();
  private readonly direct = new Map<Iri, readonly string[]>();
  /** The product links lineage showed feeding each product at the last full run. */
  private readonly lineageLinks = new Map<Iri, readonly ProductLink[]>();
  /** Glossary terms each product's semantic model defines (skos:altLabel), and the glossary of them all. */
  private readonly terms = new Map<Iri, readonly GlossaryTerm[]>();
  private glossary = new Map<string, string>();
  /** Likely and possible pairs that no override suppresses. */
  private readonly pairs = new PairSet();
  private overrides = new Overrides();
  /** When each product was last chosen canonical: the incumbent of a group is its most recent. */
  private readonly chosenAt = new Map<Iri, string>();
  private readonly groups = new Set<GroupState>();
  private readonly groupOf = new Map<Iri, GroupState>();
  /** Products flagged for retirement now, with this week's evidence. */
  private flags = new Map<Iri, RetirementVerdict>();
  /** Whether each product's last stored flag event raised or lowered its flag. */
  private readonly flagState = new Map<Iri, boolean>();
  private readonly guard = new RebuildGuard();
  /**
   * Products registered since, waiting to be brought up to date: their IRIs only (a bulk load
   * would otherwise hold every product it sent), and past {@link BURST} just the note that a full
   * run is due.
   */
  private readonly queue = new Set<Iri>();
  private fullRunDue = false;
  private draining: Promise<void> | undefined;
  private lastQueued = 0;
  private rebuilding: Promise<unknown> = Promise.resolve();
  /** Set by {@link stop}: a full run ends at its next slice, and no other starts. */
  private stopped = false;
  /** The first full run: until it ends, the groups are not yet those of the mesh. */
  private firstRun: Promise<unknown> | undefined;
  /**
   * Whether this projection stores what it decides (canonical choices, flag changes, nudges). A
   * process that only serves the balancing loop (a subgraph of a split deployment) sets it false,
   * so the API process stores each decision once rather than every process storing it again.
   */
  storesDecisions = true;

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly clock: Clock,
    private readonly feedback?: FeedbackProjection,
    readonly params: RankingParams = DEFAULT_RANKING_PARAMS,
  ) {
    this.index = new DuplicateIndex(params);
  }

  /**
   * Rebuilds everything from the graph: features, pairs, groups, canonicals, flags and nudges.
   * One at a time (the schedule and an operator's request may overlap): each would otherwise
   * store the same canonical and flag events.
   */
  rebuild(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const run = this.rebuilding.then(() =>
      // A product registered while the rebuild reads may be missing from what it swaps in.
      this.guard.run(
        () => this.rebuildAll(),
        (iri) => this.refresh(iri),
      ),
    );
    this.rebuilding = run.catch(() => undefined);
    this.firstRun ??= this.rebuilding;
    return run;
  }

  private async rebuildAll(): Promise<void> {
    // First what every product's features depend on: direct sources (upstreams are read two hops
    // up) and the glossary.
    this.direct.clear();
    this.lineageLinks.clear();
    this.terms.clear();
    for await (const page of this.livePages()) {
      await this.readDirectSources(page);
      for (const p of page) this.readTerms(p);
    }
    this.glossary = glossaryFrom([...this.terms.values()].flat());
    const events = await this.graph.readInsightEvents();
    this.index = new DuplicateIndex(this.params);
    // Then the features, from a second read rather than from products held since the first: at
    // 100,000 products the held descriptors would be most of the server's memory. The facts are
    // overwritten in place, not cleared first: until the run regroups, the groups held so far are
    // served (and their canonicals named) from them.
    const slice = this.slices();
    const seen = new Set<Iri>();
    for await (const page of this.livePages()) {
      for (const p of page) {
        this.index.upsert(this.featuresOf(p));
        seen.add(p.iri);
        await slice();
      }
    }
    for (const iri of [...this.facts.keys()]) if (!seen.has(iri)) this.facts.delete(iri);
    this.overrides = new Overrides(events);
    this.chosenAt.clear();
    this.flagState.clear();
    for (const e of events) this.remember(e);
    this.pairs.clear();
    // Scoring a large mesh takes tens of seconds: let requests through between products.
    for (const batch of this.index.pairBatches(1)) {
      for (const pair of batch) this.keep(pair);
      await slice();
    }
    // Every product, and every member of the groups held so far (some may be gone now).
    await this.regroup(new Set([...this.facts.keys(), ...this.groupOf.keys()]));
    await this.evaluate();
  }

  /**
   * The weekly part of the loop (§B.4 steps 3–4), run with every rebuild: retirement flags from
   * the last weeks' history, their changes stored as events, and one nudge per product for the
   * owners of non-canonical duplicates and flagged products.
   */
  private async evaluate(): Promise<void> {
    const feedback = this.feedback;
    if (!feedback) return;
    const now = this.clock.now();
    const at = new Date(now).toISOString();
    const flags = new Map<Iri, RetirementVerdict>();
    for (const iri of this.facts.keys()) {
      const signals = feedback.signalsOf(iri);
      // A deprecated product's owner has already acted (×0.25); the flag asks the others.
      if (!signals || signals.status === 'deprecated') continue;
      const verdict = retirementVerdict(signals, now, this.supersededSince(iri, signals), feedback.catalog.ratingMean, this.params);
      if (verdict.flagged) flags.set(iri, verdict);
    }
    const changes: RetirementEvent[] = [];
    for (const [iri, v] of flags) if (!this.flagState.get(iri)) changes.push({ kind: 'flagged', product: iri, reason: v.reasons.join(', '), at });
    for (const [iri, on] of this.flagState) if (on && !flags.has(iri)) changes.push({ kind: 'unflagged', product: iri, reason: 'the retirement condition no longer holds', at });
    if (changes.length > 0 && this.storesDecisions) await this.graph.appendInsightEvents(changes);
    for (const e of changes) this.flagState.set(e.product, e.kind === 'flagged');
    // Rescore what differs from what search holds (after a restart, every flagged product).
    const differ = [...new Set([...flags.keys(), ...this.flags.keys()])].filter((iri) => flags.has(iri) !== this.flags.has(iri));
    this.flags = flags;
    feedback.rescore(differ);
    if (this.storesDecisions) await this.graph.replaceNudges(this.nudges(now, at));
  }

  /**
   * Since when a non-canonical duplicate has been superseded: from when both it and its canonical
   * demonstrably existed (their first evidence). A copy of an old product was superseded all
   * along; a product whose better twin arrived last week only since then.
   */
  private supersededSince(iri: Iri, signals: ProductSignals): number | undefined {
    const canonical = this.duplicateOf(iri)?.canonical;
    if (canonical === undefined) return undefined;
    const other = this.feedback?.signalsOf(canonical);
    return Math.max(bornAt(signals), other ? bornAt(other) : this.clock.now());
  }

  /** One message per product and kind, for the owners of non-canonical duplicates and flagged products. */
  private nudges(now: number, at: string): NudgeRecord[] {
    const out: NudgeRecord[] = [];
    const name = (iri: Iri) => this.facts.get(iri)?.name ?? iri;
    const owner = (iri: Iri) => teamIri(this.facts.get(iri)?.ownerTeam ?? 'unknown');
    for (const g of this.groups) {
      for (const iri of g.members) {
        if (iri === g.canonical) continue;
        const pair = this.pairs.get(iri, g.canonical) ?? g.pairs.find((p) => p.a === iri || p.b === iri);
        if (!pair) continue;
        const signals = this.feedback?.signalsOf(iri);
        const active = signals ? decayedConsumers(signals, now, this.params) : undefined;
        const lastUse = signals?.consumers.reduce((m, c) => Math.max(m, c.lastUsedAt), -Infinity) ?? -Infinity;
        const unusedDays = active !== undefined && active < 1 && Number.isFinite(lastUse) ? (now - lastUse) / DAY_MS : undefined;
        const message = duplicateNudge({ product: name(iri), canonical: name(g.canonical), pair, ...(active !== undefined && { activeConsumers: active }), ...(unusedDays !== undefined && { unusedDays }) });
        out.push({ product: iri, owner: owner(iri), kind: 'duplicate', message, at });
      }
    }
    for (const [iri, v] of this.flags) {
      const canonical = this.duplicateOf(iri)?.name;
      out.push({ product: iri, owner: owner(iri), kind: 'retirement', message: retirementNudge({ product: name(iri), check: v.input, ...(canonical && { canonical }) }, this.params), at });
    }
    return out;
  }

  /** Whether a product is flagged for retirement (the lifecycle factor's ×0.6). */
  flaggedForRetirement(iri: Iri): boolean {
    return this.flags.has(iri);
  }

  /** This week's retirement evidence of a flagged product. */
  retirementOf(iri: Iri): RetirementVerdict | undefined {
    return this.flags.get(iri);
  }

  /**
   * Queues a registered (or retired) product to be brought up to date once registrations pause
   * for {@link QUIET_MS}: registering stays as fast as without duplicate detection, a product
   * registered twice is refreshed once, and a burst larger than {@link BURST} (a bulk load) is
   * one full run once registrations pause for {@link BURST_QUIET_MS}, which scores a product far
   * cheaper than one refresh at a time. Readers that need the groups current await {@link settled}.
   */
  enqueue(iri: Iri): void {
    if (!this.fullRunDue) this.queue.add(iri);
    if (this.queue.size > BURST) {
      this.fullRunDue = true;
      this.queue.clear();
    }
    this.lastQueued = performance.now();
    this.draining ??= this.drain();
  }

  /**
   * Resolves once the first full run has ended (the server starts it without waiting) and every
   * queued product has been brought up to date.
   */
  async settled(): Promise<void> {
    await this.firstRun;
    while (this.draining) await this.draining;
  }

  /** Told when a burst of registrations has been brought in by a full run, and how long it took. */
  onBurstRun: (millis: number) => void = () => undefined;

  /** Told when bringing a queued product up to date failed; the next full run repairs it. */
  onRefreshError: (iri: Iri, error: unknown) => void = () => undefined;

  private async drain(): Promise<void> {
    try {
      const quietFor = () => (this.fullRunDue ? BURST_QUIET_MS : QUIET_MS);
      for (let quiet = quietFor(); quiet > 0; quiet = this.lastQueued + quietFor() - performance.now()) await delay(quiet);
      if (this.stopped) return;
      if (this.fullRunDue) {
        this.fullRunDue = false;
        const started = performance.now();
        await this.rebuild();
        this.onBurstRun(performance.now() - started);
        return;
      }
      for (;;) {
        await nextTurn();
        const next = this.queue.values().next();
        if (next.done || this.stopped) return;
        this.queue.delete(next.value);
        try {
          await this.refresh(next.value);
        } catch (error) {
          this.onRefreshError(next.value, error);
        }
      }
    } finally {
      // Products queued while a full run read the graph may have been missed by it: go again.
      this.draining = this.queue.size > 0 || this.fullRunDue ? this.drain() : undefined;
    }
  }

  /** Brings one product up to date after its registration (or retirement); its pairs are rescored. */
  async refresh(target: Iri | Product): Promise<void> {
    const iri = typeof target === 'string' ? target : target.iri;
    this.guard.note(iri);
    const product = typeof target === 'string' ? await this.graph.getProduct(target) : target;
    const touched = new Set([iri, ...this.pairs.dropAll(iri)]);
    // A product that brings glossary terms changes the glossary; products indexed before see it
    // at the next rebuild.
    const hadTerms = this.terms.delete(iri);
    const hasTerms = product !== undefined && this.readTerms(product);
    if (hadTerms || hasTerms) this.glossary = glossaryFrom([...this.terms.values()].flat());
    if (!product || product.descriptor.status === 'retired') {
      this.index.remove(iri);
      this.facts.delete(iri);
      this.direct.delete(iri);
      this.lineageLinks.delete(iri);
      if (this.flags.delete(iri)) this.feedback?.rescore([iri]);
    } else {
      // Its declared sources now; the lineage links the last full run read (lineage arrives as
      // events, not with a registration; a link first seen since waits for the next full run).
      // Asking the graph for them here cost more than all the scoring at 10k products.
      this.setDirect(iri, directSources(product.descriptor, this.lineageLinks.get(iri)));
      this.index.upsert(this.featuresOf(product));
      for (const pair of this.index.pairsOf(iri)) this.keep(pair);
    }
    await this.regroup(touched);
  }

  /**
   * Records an owner's "not a duplicate" (or its withdrawal) with a reason, audited as an insight
   * event, and regroups at once so the demotion lifts with the next search.
   */
  async decide(a: Iri, b: Iri, kind: 'not-duplicate' | 'withdrawn', reason: string, identity: Identity): Promise<void> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const schemas: [string, string] = [this.facts.get(x)?.schema ?? '', this.facts.get(y)?.schema ?? ''];
    const event = { kind, a: x, b: y, reason, actor: identity.subject, schemas, at: new Date(this.clock.now()).toISOString() } as const;
    // The same verdict sent again (a retry) is one decision, audited once.
    const latest = this.overrides.latestOf(x, y);
    if (latest?.kind === kind && latest.reason === reason && latest.actor === event.actor && latest.schemas.join() === schemas.join()) return;
    await this.graph.appendInsightEvents([event]);
    this.overrides.record(event);
    this.pairs.delete(x, y);
    const pair = this.index.score(x, y);
    if (pair && pair.band !== 'none') this.keep(pair);
    await this.regroup(new Set([x, y]));
  }

  /** For a non-canonical member of a likely-duplicate group: its canonical and their pair's score. */
  duplicateOf(iri: Iri): ProductSignals['duplicateOf'] {
    const group = this.groupOf.get(iri);
    if (!group || group.canonical === iri) return undefined;
    const pair = this.pairs.get(iri, group.canonical);
    return { canonical: group.canonical, name: this.facts.get(group.canonical)?.name ?? group.canonical, score: pair?.score ?? group.averageScore };
  }

  /** The likely-duplicate groups, in order of their first member. */
  get duplicateGroups(): readonly GroupState[] {
    return [...this.groups].sort((x, y) => ((x.members[0] ?? '') < (y.members[0] ?? '') ? -1 : 1));
  }

  /** Every kept pair (likely or possible) touching `iri`, highest score first. */
  pairsOf(iri: Iri): PairScore[] {
    return this.pairs.of(iri);
  }

  /** Every kept pair, each once. */
  get allPairs(): readonly PairScore[] {
    return this.pairs.all();
  }

  /** What the projection knows of a product, if it is indexed. */
  factsOf(iri: Iri): ProductFacts | undefined {
    return this.facts.get(iri);
  }

  /** Every indexed product. */
  products(): IterableIterator<Iri> {
    return this.facts.keys();
  }

  /** Owners' latest decisions about pairs touching these products. */
  decisionsAbout(products: ReadonlySet<Iri>): DuplicateDecisionEvent[] {
    return this.overrides.about(products);
  }

  /** Whether a "not a duplicate" still holds: both products keep the schemas the owner judged. */
  holds(decision: DuplicateDecisionEvent): boolean {
    return this.overrides.holding(decision.a, decision.b, (iri) => this.facts.get(iri)?.schema) === decision;
  }

  /** Keeps a pair unless an owner's standing override suppresses it. */
  private keep(pair: PairScore): void {
    if (this.overrides.holding(pair.a, pair.b, (iri) => this.facts.get(iri)?.schema)) return;
    this.pairs.add(pair);
  }

  /**
   * Recomputes the groups around `touched` (the products whose pairs changed): the likely
   * components they belong to now, and the groups they belonged to before. Each new group gets
   * its canonical (hysteresis against the incumbent); every new choice is stored, and products
   * whose duplicate status changed get their feedback refreshed so search shows it at once.
   */
  private async regroup(touched: ReadonlySet<Iri>): Promise<void> {
    // The groups of every product the new components reach, and of those the old groups held:
    // a third copy joining {orders, copy1} replaces that group, it does not sit beside it.
    const old = new Set<GroupState>();
    let scope = new Set<Iri>(touched);
    for (let size = -1; size !== scope.size; ) {
      size = scope.size;
      for (const iri of scope) {
        const g = this.groupOf.get(iri);
        if (g) old.add(g);
      }
      scope = this.pairs.likelyComponent([...scope, ...[...old].flatMap((g) => g.members)]);
    }
    const before = new Map<Iri, Iri>();
    for (const g of old) {
      this.groups.delete(g);
      for (const m of g.members) {
        before.set(m, g.canonical);
        this.groupOf.delete(m);
      }
    }
    const chosen: CanonicalEvent[] = [];
    const at = new Date(this.clock.now()).toISOString();
    // Every kept pair among them: a possible overlap counts at its score in a group's average.
    for (const g of duplicateGroups(this.pairs.among(scope), this.params)) {
      const members = g.members as Iri[];
      const incumbent = this.incumbent(members);
      const choice = chooseCanonical(
        members.map((id) => ({ id, quality: this.qualityOf(id) })),
        incumbent,
        undefined,
        this.params,
      );
      const reason = choice.reason.replaceAll(choice.canonical, this.facts.get(choice.canonical)?.name ?? choice.canonical);
      if (choice.canonical !== incumbent) chosen.push({ kind: 'canonical', product: choice.canonical, members, reason, at });
      const group = { members, canonical: choice.canonical, canonicalReason: reason, averageScore: g.averageScore, pairs: g.pairs };
      this.groups.add(group);
      for (const m of members) this.groupOf.set(m, group);
    }
    if (chosen.length > 0) {
      if (this.storesDecisions) await this.graph.appendInsightEvents(chosen as InsightEvent[]);
      for (const e of chosen) this.remember(e);
    }
    if (!this.feedback) return;
    const changed = new Set<Iri>();
    for (const iri of new Set([...before.keys(), ...scope])) if (before.get(iri) !== this.groupOf.get(iri)?.canonical) changed.add(iri);
    this.feedback.rescore(changed);
  }

  /** What an event tells the projection: the incumbent canonicals and the flag state. */
  private remember(e: InsightEvent): void {
    if (e.kind === 'canonical') this.chosenAt.set(e.product, e.at);
    if (e.kind === 'flagged' || e.kind === 'unflagged') this.flagState.set(e.product, e.kind === 'flagged');
  }

  /** The member chosen canonical most recently, if any was. */
  private incumbent(members: readonly Iri[]): Iri | undefined {
    let best: Iri | undefined;
    let bestAt = '';
    for (const m of members) {
      const at = this.chosenAt.get(m);
      if (at !== undefined && at > bestAt) [best, bestAt] = [m, at];
    }
    return best;
  }

  /** The feedback prior Q = M_use·M_rate·M_slo (§B.4.2) a canonical is chosen by; 1 without feedback. */
  qualityOf(iri: Iri): number {
    const factors = this.feedback?.all.get(iri)?.factors ?? [];
    return factors.filter((f) => f.name === 'usage' || f.name === 'rating' || f.name === 'slo').reduce((q, f) => q * f.value, 1);
  }

  /**
   * A full run's time slices: the function returned lets requests through once the current slice
   * is spent, and ends the run (throws) once the projection is stopped.
   */
  private slices(ms = SLICE_MS): () => Promise<void> {
    let since = performance.now();
    return async () => {
      if (performance.now() - since < ms) return;
      await nextTurn();
      if (this.stopped) throw new Error('duplicate detection stopped: the server is closing');
      since = performance.now();
    };
  }

  /** Ends a full run in progress at its next time slice and starts no other; resolves once none runs. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    this.fullRunDue = false;
    await this.rebuilding;
    while (this.draining) await this.draining.catch(() => undefined);
  }

  /** The graph's products that are not retired, a page at a time. */
  private async *livePages(): AsyncGenerator<Product[]> {
    for await (const products of productPages(this.graph)) {
      const live = products.filter((p) => p.descriptor.status !== 'retired');
      if (live.length > 0) yield live;
    }
  }

  /** Reads the direct upstream sources of these products: declared input ports and lineage links. */
  private async readDirectSources(products: readonly Product[]): Promise<void> {
    const links = await this.graph.productLinks(
      products.map((p) => p.iri),
      'upstream',
    );
    for (const p of products) {
      const own = links.filter((l) => l.to === p.iri);
      if (own.length > 0) this.lineageLinks.set(p.iri, own);
      else this.lineageLinks.delete(p.iri);
      this.setDirect(p.iri, directSources(p.descriptor, own));
    }
  }

  /** Keeps a product's direct sources; most products have none, and keep no entry. */
  private setDirect(iri: Iri, sources: readonly string[]): void {
    if (sources.length > 0) this.direct.set(iri, sources);
    else this.direct.delete(iri);
  }

  /** Keeps the glossary terms a product's semantic model defines; true when it defines any. */
  private readTerms(product: Product): boolean {
    if (product.descriptor.status === 'retired') return false;
    const terms = (product.semantics?.concepts ?? []).filter((c) => c.defined && c.altLabels).map((c) => ({ preferred: c.label, alternatives: c.altLabels ?? [] }));
    if (terms.length > 0) this.terms.set(product.iri, terms);
    return terms.length > 0;
  }

  private featuresOf(product: Product) {
    const d = product.descriptor;
    const features = featuresOf(d, upstreamSources(product.iri, (iri) => this.direct.get(iri)), this.glossary);
    this.facts.set(product.iri, {
      iri: product.iri,
      name: d.name,
      domain: d.domain,
      ownerTeam: d.owner.team,
      createdAt: Date.parse(product.createdAt),
      // From the declared columns, not the glossary's reading of them: an owner's verdict lapses
      // when the owner's schema changes, not when someone else's glossary term arrives.
      schema: declaredSchemaHash(d),
    });
    // The product's IRI string, not the descriptor's equal copy: one string per product held.
    return { ...features, id: product.iri, createdAt: Date.parse(product.createdAt) };
  }
}
