/**
 * @module
 * A seeded data mesh with known duplicates and known non-duplicates, to measure how well duplicate
 * detection (research/ranking.md §B.5) finds the first and leaves the second alone: its precision
 * and recall on labelled pairs, and its speed at catalog scale (100,000 products in a few seconds).
 *
 * The mesh is built in three layers:
 * - **originals**: source-aligned products of an entity (orders, payments, tickets, …) in a scope
 *   (a market, channel or brand), each read from its own operational table
 *   (`postgres://<domain>-db`, `<scope>.<table>`) and sometimes from an upstream product;
 * - **duplicates** of originals, in four kinds that give detection different evidence to work with
 *   (renamed and extended copies, rebuilds from the same sources, and semantic twins);
 * - **hard negatives**, pairs that look alike on one kind of evidence but are not duplicates:
 *   an aggregate and the product it aggregates, unrelated products that share only generic columns,
 *   and products built from the same database but from different tables.
 *
 * Pairs in neither list are non-duplicates too, so a flagged pair outside `duplicates` is a false
 * positive: every original has its own source table, and two originals share at most an upstream
 * product they both read. The hardest of them are originals of one entity in different scopes
 * (orders in EMEA, orders in APAC): most columns and concepts alike, no source in common. The
 * labels pick out the pairs a detector is likely to get wrong; they do not list every pair.
 */
import type { Descriptor, InputPort, OutputPort } from '@quanta/model';
import { Rng } from '../simulation/rng.js';
import {
  ABBREVIATIONS,
  COLUMN_SYNONYMS,
  type Column,
  DOMAINS,
  ENTITIES,
  type Entity,
  GENERIC_ONLY_PAIRS,
  ONTOLOGY,
  WORD_SYNONYMS,
} from './mesh-vocabulary.js';

/** How a known duplicate was made from its original. */
export type DuplicateKind = 'renamed-copy' | 'extended-copy' | 'same-upstream-rebuild' | 'semantic-twin';

/** Why a labelled pair looks related but is not a duplicate. */
export type NonDuplicateKind = 'parent-child-grain' | 'common-columns' | 'same-source-different-entity';

/** A generated mesh and its labels. Pairs name products by IRI (`Descriptor.id`). */
export interface GeneratedMesh {
  /**
   * Every product, valid against `DescriptorSchema`; each comes after the products it reads from.
   * Read-only: products share (frozen) field objects.
   */
  readonly descriptors: readonly Descriptor[];
  /** Known duplicates: `a` is the original, `b` the product made from it. */
  readonly duplicates: readonly { a: string; b: string; kind: DuplicateKind }[];
  /** Known non-duplicates: for parent-child-grain, `a` is the parent and `b` the aggregate. */
  readonly nonDuplicates: readonly { a: string; b: string; kind: NonDuplicateKind }[];
}

type Field = NonNullable<OutputPort['fields']>[number];

const PRODUCT_BASE = 'https://mesh.example/products/';
const DUPLICATE_KINDS: readonly DuplicateKind[] = ['renamed-copy', 'extended-copy', 'same-upstream-rebuild', 'semantic-twin'];
/** Beyond this share, there are not enough originals left for every duplicate to have its own. */
const MAX_DUPLICATE_SHARE = 0.4;

/**
 * Generates a mesh of exactly `options.products` products, about `duplicateShare` of them
 * duplicates of an original (default 0.15), with about as many labelled non-duplicate pairs.
 * Deterministic for a given seed (default 42); linear in the number of products.
 *
 * @example
 * const mesh = generateMesh({ products: 2_000, seed: 7 });
 * mesh.duplicates[0] // e.g. { a: '…/products/orders/orders-emea', b: '…/products/finance/orders-emea-enriched', kind: 'extended-copy' }
 */
export function generateMesh(options: { products: number; seed?: number; duplicateShare?: number }): GeneratedMesh {
  const { products, seed = 42, duplicateShare = 0.15 } = options;
  if (!Number.isInteger(products) || products < 1) throw new RangeError(`products must be a positive integer, not ${products}`);
  if (!(duplicateShare >= 0 && duplicateShare <= MAX_DUPLICATE_SHARE)) {
    throw new RangeError(`duplicateShare must be between 0 and ${MAX_DUPLICATE_SHARE}, not ${duplicateShare}`);
  }
  const plan = planCounts(products, duplicateShare);
  const mesh = new MeshBuilder(new Rng(seed));
  mesh.originals(plan.originals - plan.siblings);
  mesh.siblings(plan.siblings);
  mesh.derived(plan.duplicates, plan.children);
  mesh.commonColumnPairs(plan.commonPairs);
  return mesh.result();
}

interface Plan {
  /** Originals, siblings included. */
  readonly originals: number;
  /** Originals made as the second of a same-source-different-entity pair. */
  readonly siblings: number;
  readonly duplicates: number;
  /** Aggregates, one per parent-child-grain pair. */
  readonly children: number;
  /** Common-columns pairs, drawn among originals (so they add no products). */
  readonly commonPairs: number;
}

/**
 * Splits the product count: the duplicates asked for, about as many labelled non-duplicate pairs
 * split evenly over the three kinds, and originals for the rest. Only duplicates and aggregates
 * are products of their own; the other non-duplicate pairs are drawn among originals.
 */
function planCounts(products: number, share: number): Plan {
  const duplicates = Math.round(products * share);
  const children = Math.round(duplicates / 3);
  const commonPairs = Math.round(duplicates / 3);
  const originals = products - duplicates - children;
  // Every duplicate has an original of its own (so duplicate groups are pairs, and no pair of
  // copies goes unlabelled), and a sibling needs an anchor: both hold for a share up to 0.4.
  if (originals < duplicates || originals < 1) throw new RangeError(`${products} products leave too few originals for ${duplicates} duplicates`);
  const siblings = Math.min(duplicates - children - commonPairs, Math.floor(originals / 2));
  return { originals, siblings: Math.max(0, siblings), duplicates, children, commonPairs };
}

/** Where an original's rows come from: a market, channel or brand, or the whole business. */
interface Scope {
  readonly slug: string;
  /** For titles: "EMEA, online". */
  readonly label: string;
  /** For descriptions: " in EMEA through the online channel". */
  readonly phrase: string;
}

const WHOLE_BUSINESS: Scope = { slug: '', label: '', phrase: '' };

const part = (slug: string, label: string, phrase: string): Scope => ({ slug, label, phrase });
const MARKETS: readonly Scope[] = [
  part('emea', 'EMEA', ' in EMEA'), part('apac', 'APAC', ' in APAC'), part('amer', 'Americas', ' in the Americas'),
  part('latam', 'LATAM', ' in Latin America'), part('nordics', 'Nordics', ' in the Nordics'), part('dach', 'DACH', ' in the DACH region'),
  part('uk', 'UK', ' in the UK'), part('france', 'France', ' in France'), part('iberia', 'Iberia', ' in Spain and Portugal'),
  part('benelux', 'Benelux', ' in the Benelux'), part('japan', 'Japan', ' in Japan'), part('anz', 'ANZ', ' in Australia and New Zealand'),
  part('us', 'US', ' in the US'), part('canada', 'Canada', ' in Canada'), part('mena', 'MENA', ' in the Middle East'), part('india', 'India', ' in India'),
];
const CHANNELS: readonly Scope[] = ['retail', 'online', 'wholesale', 'b2b', 'marketplace', 'mobile', 'web', 'stores', 'partner', 'subscription'].map(
  (c) => part(c, c, ` through the ${c} channel`),
);
const BRANDS: readonly Scope[] = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'wonka', 'tyrell', 'soylent', 'stark', 'wayne', 'cyberdyne'].map(
  (b) => part(b, b[0]?.toUpperCase() + b.slice(1), ` for the ${b[0]?.toUpperCase() + b.slice(1)} brand`),
);

const joinScopes = (parts: readonly Scope[]): Scope => ({
  slug: parts.map((p) => p.slug).join('-'),
  label: parts.map((p) => p.label).join(', '),
  phrase: parts.map((p) => p.phrase).join(''),
});

/**
 * Every scope, simplest first: markets, channels, market × channel, brand × market, then all
 * three (2,298 in all). Each entity takes them tier by tier in its own shuffled order, so a small
 * mesh has `orders-emea` rather than `orders-acme-emea-retail`, and no draw is ever retried.
 */
const SCOPE_TIERS: readonly (readonly Scope[])[] = [
  MARKETS,
  CHANNELS,
  MARKETS.flatMap((m) => CHANNELS.map((c) => joinScopes([m, c]))),
  BRANDS.flatMap((b) => MARKETS.map((m) => joinScopes([b, m]))),
  BRANDS.flatMap((b) => MARKETS.flatMap((m) => CHANNELS.map((c) => joinScopes([b, m, c])))),
];

/**
 * A template split at its `{placeholders}`: literals at even indices, names at odd ones, so
 * filling it is a loop of concatenations rather than a regular expression per product.
 */
type Template = readonly string[];
const compile = (templates: readonly string[]): readonly Template[] => templates.map((t) => t.split(/\{(\w+)\}/));

/** Descriptions are two sentences from these, so the text varies across products (and between a product and its copy). */
const WHAT = compile([
  '{Things}{scope} from the {domain} database, one row per {thing}.',
  'All {things}{scope} as recorded by the {domain} system.',
  'Cleaned {things}{scope}, taken from the operational {domain} store.',
  'One record for each {thing}{scope}, with its latest state.',
  '{Things}{scope} as captured by the {domain} platform, deduplicated and typed.',
  'The {thing} table{scope}, mirrored from {source}.',
  'Every {thing}{scope} with its attributes, sourced from {source}.',
  'A curated view of {things}{scope}, maintained by {team}.',
]);
const WHY = compile([
  ' Refreshed hourly; use it for {use}.',
  ' Updated nightly and used for {use}.',
  ' Good for {use} and {use2}.',
  ' Feeds the {use} dashboards.',
  ' Loaded every 15 minutes, suitable for {use}.',
  ' Teams rely on it for {use}.',
  '',
]);
/** Some copies say where they come from, as people do; most do not. */
const COPY_NOTE = compile([' Copied from {original} for our own {use}.', ' Kept in sync with {original}.', ' Built from the same sources as {original}.']);
const AGGREGATE = compile([
  '{Grain} roll-up of {things}{scope}: counts and totals per {dims}.',
  '{Things}{scope} aggregated to one row per {period}{by}.',
  '{Grain} summary of {original}, for {use}.',
  'Key figures on {things}{scope} by {period}{by}.',
]);

const TEAM_ROLES = ['core', 'platform', 'analytics', 'insights', 'ops'];
/** Owners of originals: mostly the domain's core team. */
const SOURCE_TEAM_ROLES = ['core', 'core', 'platform', 'ops'];
const STREAM_FORMATS = ['avro', 'json'];
const TABLE_FORMATS = ['parquet', 'delta', 'iceberg'];

/** Columns pipelines add to a copy: audit and partitioning columns. */
const EXTRA_COLUMNS: readonly Column[] = [
  ['ingested_at', 'timestamp'], ['source_system', 'string'], ['etl_batch_id', 'string'], ['is_test', 'boolean'], ['sales_region', 'string'],
  ['loaded_date', 'date'], ['row_hash', 'string'], ['valid_from', 'timestamp'], ['valid_to', 'timestamp'], ['is_current', 'boolean'],
  ['record_source', 'string'], ['fiscal_week', 'string'],
].map(([name = '', type = '']) => ({ name, type, concept: undefined, pii: false, core: false }));

/** Last words of column names that read naturally in the plural too (`tag` / `tags`). */
const PLURALISABLE = new Set(['item', 'line', 'unit', 'tag', 'click', 'view', 'point', 'conversion', 'impression', 'attachment', 'reason', 'skill', 'language', 'level', 'fee', 'event', 'message', 'task']);

/** Low-cardinality columns an aggregate groups by. */
const DIMENSION = /(?:^|_)(?:type|code|method|channel|country|currency|status|category|tier|segment|priority|provider|brand|platform|level|region|language)$/;

// Maps rather than object lookups, so a column word such as `constructor` never finds a prototype member.
const ABBREVIATION = new Map(Object.entries(ABBREVIATIONS));
const COLUMN_SYNONYM = new Map(Object.entries(COLUMN_SYNONYMS));
const WORD_SYNONYM = new Map(Object.entries(WORD_SYNONYMS));

/**
 * For each entity, the other entities of its domain that share at most three core columns: the
 * partners of same-source-different-entity pairs (orders and order lines, not orders and carts,
 * which share customer, channel, currency and timestamps).
 */
const SIBLING_PARTNERS: ReadonlyMap<Entity, readonly Entity[]> = new Map(
  ENTITIES.map((e) => {
    const core = new Set(e.columns.filter((c) => c.core).map((c) => c.name));
    return [e, ENTITIES.filter((o) => o.domain === e.domain && o !== e && o.columns.filter((c) => c.core && core.has(c.name)).length <= 3)];
  }),
);

/** The scopes an entity has used, and where it is in its order of them. */
interface ScopeState {
  readonly order: readonly Scope[];
  next: number;
  readonly taken: Set<string>;
}

/** An original product and what its copies and aggregates are made from. */
interface Original {
  readonly index: number;
  readonly entity: Entity;
  readonly scope: Scope;
  /** Its WHAT template, so a copy can be worded differently. */
  readonly template: number;
}

/** The parts of a descriptor that differ between products; the rest is filled in by MeshBuilder.add. */
interface ProductParts {
  readonly domain: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly team: string;
  readonly tags: string[];
  readonly concepts: string[];
  readonly kind: 'table' | 'stream';
  readonly port?: string;
  readonly fields: Field[];
  readonly inputs: InputPort[];
}

/** Builds the mesh in order; all state lives here so generateMesh reads as the plan. */
class MeshBuilder {
  private readonly descriptors: Descriptor[] = [];
  private readonly duplicates: { a: string; b: string; kind: DuplicateKind }[] = [];
  private readonly nonDuplicates: { a: string; b: string; kind: NonDuplicateKind }[] = [];
  private readonly labelled = new Set<string>();
  private readonly names = new Set<string>();
  private readonly indexOf = new Map<string, number>();
  private readonly all: Original[] = [];
  /** Originals by entity table, to draw upstream products and common-columns pairs from. */
  private readonly byEntity = new Map<string, Original[]>();
  /** Scopes by entity: one original per entity and scope, so no two originals share a source table. */
  private readonly scopes = new Map<Entity, ScopeState>();

  constructor(private readonly rng: Rng) {}

  /** `n` originals of random entities, each after any upstream product it reads. */
  originals(n: number): void {
    for (let i = 0; i < n; i++) {
      const entity = this.rng.pick(ENTITIES);
      this.addOriginal(entity, this.scopeFor(entity));
    }
  }

  /**
   * Same-source-different-entity pairs: a second original from an existing one's database, for
   * another entity, in the same scope where it is free (`emea.orders` and `emea.order_lines`). It
   * reads no upstream product, so the pair shares the namespace and nothing else.
   */
  siblings(n: number): void {
    const anchors = this.all.length;
    for (let made = 0, tries = 0; made < n && tries < 20 * n; tries++) {
      const anchor = this.all[this.rng.int(anchors)] as Original;
      const partners = SIBLING_PARTNERS.get(anchor.entity) ?? [];
      if (partners.length === 0) continue;
      const entity = this.rng.pick(partners);
      const taken = this.scopeState(entity).taken;
      const scope = taken.has(anchor.scope.slug) ? this.scopeFor(entity) : anchor.scope;
      taken.add(scope.slug);
      const sibling = this.addOriginal(entity, scope, anchor);
      this.label(this.iri(anchor.index), this.iri(sibling.index), 'same-source-different-entity');
      made++;
    }
  }

  /**
   * Duplicates and aggregates of distinct originals (an original has at most one duplicate, so a
   * group is a pair and no copy-to-copy pair is left unlabelled), in random order after the
   * originals, with the four duplicate kinds in equal shares.
   */
  derived(duplicates: number, children: number): void {
    const copied = this.sample(this.all.length, duplicates);
    const parents = this.sample(this.all.length, children);
    const jobs: (() => void)[] = [];
    copied.forEach((o, i) => jobs.push(() => this.addDuplicate(this.all[o] as Original, DUPLICATE_KINDS[i % DUPLICATE_KINDS.length] as DuplicateKind)));
    parents.forEach((o) => jobs.push(() => this.addAggregate(this.all[o] as Original)));
    this.shuffle(jobs);
    for (const job of jobs) job();
  }

  /**
   * Pairs of originals of entities in different domains whose columns overlap only in generic
   * ones (id, created_at, …) and whose sources, to depth 2, are disjoint. Drawn with a few retries,
   * so a tiny mesh may have fewer than asked.
   */
  commonColumnPairs(n: number): void {
    const pairs = GENERIC_ONLY_PAIRS.filter(([i, j]) => this.byEntity.has((ENTITIES[i] as Entity).table) && this.byEntity.has((ENTITIES[j] as Entity).table));
    if (pairs.length === 0) return;
    for (let made = 0, tries = 0; made < n && tries < 20 * n; tries++) {
      const [i, j] = this.rng.pick(pairs);
      const a = this.rng.pick(this.byEntity.get((ENTITIES[i] as Entity).table) ?? []);
      const b = this.rng.pick(this.byEntity.get((ENTITIES[j] as Entity).table) ?? []);
      if (this.labelled.has(pairKey(this.iri(a.index), this.iri(b.index)))) continue;
      // Disjoint sources, and neither reads the other.
      const upstreamOfA = this.upstream(a.index).add(this.iri(a.index));
      if ([...this.upstream(b.index).add(this.iri(b.index))].some((u) => upstreamOfA.has(u))) continue;
      this.label(this.iri(a.index), this.iri(b.index), 'common-columns');
      made++;
    }
  }

  result(): GeneratedMesh {
    return { descriptors: this.descriptors, duplicates: this.duplicates, nonDuplicates: this.nonDuplicates };
  }

  // ── products ──────────────────────────────────────────────────────────────────────────────

  /**
   * An original of `entity` in `scope`. A sibling (the second of a same-source-different-entity
   * pair) reads no upstream product and leaves out the optional columns its anchor has, so the
   * two share their database and a few core columns, nothing more.
   */
  private addOriginal(entity: Entity, scope: Scope, siblingOf?: Original): Original {
    const rng = this.rng;
    const avoid = siblingOf && new Set(this.fieldsAt(siblingOf.index).map((f) => f.name));
    const fields = this.columnsOf(entity, avoid).map(sharedField);
    const source = sourceOf(entity, scope);
    const inputs: InputPort[] = [{ lineage: source }];
    // A third of originals also read an upstream product (orders read customers). Drawn from all
    // originals of that entity, so two originals rarely share one.
    if (!siblingOf && entity.upstream.length > 0 && rng.next() < 0.35) {
      const reads = rng.next() < 0.2 ? 2 : 1;
      for (let k = 0; k < reads; k++) {
        const candidates = this.byEntity.get(rng.pick(entity.upstream));
        if (!candidates) continue;
        const product = this.iri(rng.pick(candidates).index);
        if (!inputs.some((p) => 'product' in p && p.product === product)) inputs.push({ product });
      }
    }
    const team = `${entity.domain}-${rng.pick(SOURCE_TEAM_ROLES)}`;
    const template = rng.int(WHAT.length);
    const text = this.describe(template, entity.thing, entity.things, entity, scope, team, `${source.name} in ${source.namespace}`);
    const index = this.add({
      domain: entity.domain,
      name: scope.slug ? `${entity.slug}-${scope.slug}` : entity.slug,
      title: titleOf(entity.things, scope),
      description: text,
      team,
      tags: [entity.slug, 'source-aligned'],
      concepts: conceptsOf(entity.concept, fields),
      kind: entity.events && rng.next() < 0.5 ? 'stream' : 'table',
      fields,
      inputs,
    });
    const original = { index, entity, scope, template };
    this.all.push(original);
    const list = this.byEntity.get(entity.table);
    if (list) list.push(original);
    else this.byEntity.set(entity.table, [original]);
    return original;
  }

  private addDuplicate(original: Original, kind: DuplicateKind): void {
    const rng = this.rng;
    const src = this.descriptors[original.index] as Descriptor;
    const port = src.outputPorts?.[0] as OutputPort;
    const srcFields = port.fields ?? [];
    const { entity, scope } = original;
    const { team, domain } = this.otherTeam(src.owner.team, src.domain);
    const twin = kind === 'semantic-twin';
    const thing = twin ? entity.twin.thing : entity.thing;
    const things = twin ? entity.twin.things : entity.things;

    let fields: Field[];
    let name: string;
    switch (kind) {
      case 'renamed-copy':
        fields = this.renamedCopy(srcFields);
        name = rng.pick([`${src.name}-copy`, `${src.name}-v2`, `tbl-${src.name}`, `${team}-${src.name}`, swapFirst(src.name)]);
        break;
      case 'extended-copy':
        fields = this.extendedCopy(srcFields, entity);
        name = `${src.name}-${rng.pick(['enriched', 'extended', 'wide', 'full', 'plus'])}`;
        break;
      case 'same-upstream-rebuild':
        fields = this.rebuild(srcFields);
        name = rng.pick([`${src.name}-${rng.pick(['curated', 'clean', 'rebuilt', 'conformed'])}`, `${src.name}-${domain}`]);
        break;
      case 'semantic-twin':
        fields = this.semanticTwin(srcFields);
        name = [slugOf(things), scope.slug].filter(Boolean).join('-');
        break;
    }
    let template = rng.int(WHAT.length - 1);
    if (template >= original.template) template++; // any wording but the original's
    const note = kind !== 'semantic-twin' && rng.next() < 0.25 ? fill(rng.pick(COPY_NOTE), { original: src.title ?? src.name, use: rng.pick(entity.uses) }) : '';
    const source = src.inputPorts?.find((p) => 'lineage' in p);
    const index = this.add({
      domain,
      name,
      title: titleOf(things, scope),
      description: this.describe(template, thing, things, entity, scope, team, source && 'lineage' in source ? source.lineage.name : entity.table) + note,
      team,
      tags: [...(src.tags ?? [])],
      concepts: [...(src.concepts ?? [])],
      kind: port.kind === 'stream' ? 'stream' : 'table',
      port: rng.next() < 0.3 ? rng.pick(['main', 'current', 'snapshot']) : undefined,
      fields,
      // The same sources, and the same upstream products: copies of the input ports, not the objects.
      inputs: (src.inputPorts ?? []).map((p) => ('lineage' in p ? { lineage: { ...p.lineage } } : { product: p.product })),
    });
    this.duplicates.push({ a: src.id, b: this.iri(index), kind });
  }

  /**
   * An aggregate of `original` at a daily or weekly grain: a few of its low-cardinality columns,
   * a count and totals. It reads the original alone, so its lineage overlaps the original's at
   * depth 2, which is exactly what must not make it a duplicate (§B.5 step 8).
   */
  private addAggregate(original: Original): void {
    const rng = this.rng;
    const parent = this.descriptors[original.index] as Descriptor;
    const parentFields = parent.outputPorts?.[0]?.fields ?? [];
    const { entity, scope } = original;
    const grain = rng.next() < 0.6 ? 'daily' : 'weekly';
    const period = grain === 'daily' ? 'day' : 'week';
    const key = parentFields[0]?.name;
    const dims = pickInOrder(rng, parentFields.filter((f) => f.type === 'string' && f.pii !== true && f.name !== key && (f.name.endsWith('_id') || DIMENSION.test(f.name))), 1 + rng.int(3));
    const fields: Field[] = [{ name: period === 'day' ? 'day' : 'week_start', type: 'date' }, ...dims];
    const add = (f: Field) => {
      if (!fields.some((g) => g.name === f.name)) fields.push(f);
    };
    add({ name: `${entity.thing.replace(/ /g, '_')}_count`, type: 'long', concept: `${ONTOLOGY}Metric` });
    for (const money of parentFields.filter((f) => f.type.startsWith('decimal')).slice(0, 2)) {
      add({ name: money.name.startsWith('total_') ? money.name : `total_${money.name}`, type: 'decimal(38,2)', ...(money.concept ? { concept: money.concept } : {}) });
      if (rng.next() < 0.5) add({ name: `avg_${money.name}`, type: 'double' });
    }
    if (entity.table !== 'customers' && parentFields.some((f) => f.name === 'customer_id') && !dims.some((f) => f.name === 'customer_id')) {
      add({ name: 'distinct_customers', type: 'long', concept: `${ONTOLOGY}Customer` });
    }
    const moment = parentFields.find((f) => f.type === 'timestamp' && f.name !== 'created_at' && f.name !== 'updated_at');
    if (moment && rng.next() < 0.3) add({ name: moment.name.startsWith('last_') ? moment.name : `last_${moment.name}`, type: 'timestamp' });

    const byDims = dims.map((f) => f.name.replace(/_id$/, '').replace(/_/g, ' '));
    const text = fill(rng.pick(AGGREGATE), {
      Grain: grain === 'daily' ? 'Daily' : 'Weekly',
      Things: capitalise(entity.things),
      things: entity.things,
      scope: scope.phrase,
      period,
      dims: byDims.length > 0 ? [...byDims, period].join(', ') : period,
      by: byDims.length > 0 ? ` and ${byDims.join(' and ')}` : '',
      original: parent.title ?? parent.name,
      use: rng.pick(entity.uses),
    });
    const index = this.add({
      domain: parent.domain,
      name: rng.pick([`${parent.name}-${grain}`, `${parent.name}-${grain}-summary`, `${grain}-${parent.name}`, `${parent.name}-by-${period}`]),
      title: `${parent.title ?? parent.name}, ${grain}`,
      description: text,
      team: rng.next() < 0.5 ? parent.owner.team : `${parent.domain}-analytics`,
      tags: [entity.slug, 'consumer-aligned', 'aggregate', grain],
      // Partly shared: the entity and the dimensions kept, plus the aggregate's own Metric.
      concepts: conceptsOf(entity.concept, fields),
      kind: 'table',
      fields,
      inputs: [{ product: parent.id }],
    });
    this.label(parent.id, this.iri(index), 'parent-child-grain');
  }

  /** Fills in what every product has, and registers its name and IRI. */
  private add(p: ProductParts): number {
    const rng = this.rng;
    const name = this.uniqueName(p.name);
    const id = `${PRODUCT_BASE}${p.domain}/${name}`;
    const pii = p.fields.some((f) => f.pii === true);
    const stream = p.kind === 'stream';
    const descriptor: Descriptor = {
      id,
      name,
      title: p.title,
      description: p.description,
      domain: p.domain,
      owner: { team: p.team, contact: `mailto:${p.team}@mesh.example` },
      status: 'active',
      version: `1.${rng.int(6)}.${rng.int(10)}`,
      tags: p.tags,
      concepts: p.concepts,
      outputPorts: [
        {
          name: p.port ?? (stream ? 'events' : 'table'),
          kind: p.kind,
          format: rng.pick(stream ? STREAM_FORMATS : TABLE_FORMATS),
          // The product's own output dataset, unique because names are.
          lineage: [stream ? { namespace: 'kafka://events.mesh.example', name: `${p.domain}.${name}` } : { namespace: 'bigquery://mesh-warehouse', name: `${p.domain}.${name.replace(/-/g, '_')}` }],
          fields: p.fields,
        },
      ],
      inputPorts: p.inputs,
      classification: { confidentiality: pii ? 'confidential' : 'internal', pii },
    };
    const index = this.descriptors.push(descriptor) - 1;
    this.indexOf.set(id, index);
    return index;
  }

  // ── columns ───────────────────────────────────────────────────────────────────────────────

  /**
   * The core columns and a random half or more of the others, at least eight, in table order;
   * optional columns named in `avoid` only if eight cannot be had otherwise.
   */
  private columnsOf(entity: Entity, avoid?: ReadonlySet<string>): Column[] {
    const keep = this.rng.uniform(0.5, 1);
    const chosen = entity.columns.map((c) => c.core || (!avoid?.has(c.name) && this.rng.next() < keep));
    let count = chosen.filter(Boolean).length;
    for (const avoiding of [true, false]) {
      entity.columns.forEach((c, i) => {
        if (count < 8 && !chosen[i] && !(avoiding && avoid?.has(c.name))) {
          chosen[i] = true;
          count++;
        }
      });
    }
    return entity.columns.filter((_, i) => chosen[i]);
  }

  /**
   * The same columns and types with a few renamed as people do: a plural, a `_v2`, at most one
   * abbreviation (its similarity to the full name is often under 0.8), and often the whole schema
   * restyled in camelCase or upper case, which normalisation undoes.
   */
  private renamedCopy(src: readonly Field[]): Field[] {
    const rng = this.rng;
    const names = src.map((f) => f.name);
    this.renameSome(names, 1 + rng.int(3));
    const style = rng.next();
    const restyled = style < 0.35 ? names.map(camelCase) : style < 0.5 ? names.map((n) => n.toUpperCase()) : names;
    return src.map((f, i) => withName(f, restyled[i] as string));
  }

  /** Every column of the original, unchanged, then two to six more: unused columns of the entity and pipeline columns. */
  private extendedCopy(src: readonly Field[], entity: Entity): Field[] {
    const have = new Set(src.map((f) => f.name));
    const spare = [...entity.columns, ...EXTRA_COLUMNS].filter((c) => !have.has(c.name));
    this.shuffle(spare);
    return [...src, ...spare.slice(0, 2 + this.rng.int(5)).map(sharedField)];
  }

  /**
   * 70–90% of the columns (the leading key columns always), about one in seven renamed, and
   * decimals sometimes at another precision: another team's build from the same sources.
   */
  private rebuild(src: readonly Field[]): Field[] {
    const rng = this.rng;
    const keep = Math.min(src.length - 1, Math.max(2, Math.round(src.length * rng.uniform(0.7, 0.9))));
    const kept = new Set([0, 1, ...this.sample(src.length - 2, keep - 2).map((i) => i + 2)]);
    const widen = rng.next() < 0.5;
    const fields = src.filter((_, i) => kept.has(i));
    const names = fields.map((f) => f.name);
    this.renameSome(names, Math.max(1, Math.round(fields.length / 7)));
    return fields.map((f, i) => {
      const field = withName(f, names[i] as string);
      return widen && f.type === 'decimal(18,2)' ? { ...field, type: 'decimal(38,2)' } : field;
    });
  }

  /** The same columns, types and concepts, under another team's words (client for customer, value for amount). */
  private semanticTwin(src: readonly Field[]): Field[] {
    const taken = new Set<string>();
    return src.map((f) => {
      const whole = COLUMN_SYNONYM.get(f.name);
      let name = whole ? this.rng.pick(whole) : f.name.split('_').map((w) => (WORD_SYNONYM.has(w) ? this.rng.pick(WORD_SYNONYM.get(w) ?? [w]) : w)).join('_');
      if (taken.has(name)) name = f.name;
      taken.add(name);
      return withName(f, name);
    });
  }

  /** Renames `count` of `names` in place (see renameOne), at most one by abbreviation, never onto a name already there. */
  private renameSome(names: string[], count: number): void {
    const taken = new Set(names);
    let abbreviated = false;
    for (const i of this.sample(names.length, Math.min(names.length, count))) {
      const renamed = this.renameOne(names[i] as string, !abbreviated);
      if (taken.has(renamed.name)) continue;
      taken.add(renamed.name);
      names[i] = renamed.name;
      abbreviated ||= renamed.abbreviated;
    }
  }

  /** One rename of a snake_case name: plural/singular, a `_v2` suffix, or an abbreviation. */
  private renameOne(name: string, mayAbbreviate: boolean): { name: string; abbreviated: boolean } {
    const options: (() => { name: string; abbreviated: boolean } | undefined)[] = [
      () => {
        const n = toggleNumber(name);
        return n ? { name: n, abbreviated: false } : undefined;
      },
      () => {
        const n = mayAbbreviate ? abbreviate(name) : undefined;
        return n ? { name: n, abbreviated: true } : undefined;
      },
      () => ({ name: `${name}_v2`, abbreviated: false }),
    ];
    const first = this.rng.int(options.length);
    for (let k = 0; k < options.length; k++) {
      const renamed = (options[(first + k) % options.length] as (typeof options)[number])();
      if (renamed) return renamed;
    }
    return { name: `${name}_v2`, abbreviated: false };
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /**
   * The next scope not yet used for `entity`, in its own order (see SCOPE_TIERS); past the last,
   * the same scopes again as numbered shards, so any mesh size works.
   */
  private scopeFor(entity: Entity): Scope {
    const state = this.scopeState(entity);
    for (;;) {
      const k = state.next++;
      const base = state.order[k % state.order.length] as Scope;
      const round = Math.floor(k / state.order.length);
      const scope = round === 0 ? base : shard(base, round + 1);
      if (!state.taken.has(scope.slug)) {
        state.taken.add(scope.slug);
        return scope;
      }
    }
  }

  /** An entity's scope order, made on first use: the whole business, then each tier shuffled. */
  private scopeState(entity: Entity): ScopeState {
    let state = this.scopes.get(entity);
    if (!state) {
      const order: Scope[] = [WHOLE_BUSINESS];
      for (const tier of SCOPE_TIERS) {
        const shuffled = [...tier];
        this.shuffle(shuffled);
        order.push(...shuffled);
      }
      state = { order, next: 0, taken: new Set() };
      this.scopes.set(entity, state);
    }
    return state;
  }

  /** Another team: half the time in the same domain, otherwise a consuming team of another domain. */
  private otherTeam(team: string, domain: string): { team: string; domain: string } {
    const rng = this.rng;
    if (rng.next() < 0.5) {
      const others = TEAM_ROLES.map((r) => `${domain}-${r}`).filter((t) => t !== team);
      return { team: rng.pick(others), domain };
    }
    const other = rng.pick(DOMAINS.filter((d) => d !== domain));
    return { team: `${other}-${rng.pick(['analytics', 'insights', 'platform'])}`, domain: other };
  }

  private describe(template: number, thing: string, things: string, entity: Entity, scope: Scope, team: string, source: string): string {
    const rng = this.rng;
    const use = rng.pick(entity.uses);
    const others = entity.uses.filter((u) => u !== use);
    const vars = {
      Things: capitalise(things),
      things,
      thing,
      scope: scope.phrase,
      domain: entity.domain,
      source,
      team: `the ${team} team`,
      use,
      use2: others.length > 0 ? rng.pick(others) : use,
    };
    return fill(WHAT[template] ?? [], vars) + fill(rng.pick(WHY), vars);
  }

  /** Upstream sources to depth 2: dataset identities and product IRIs, as §B.5 step 5 compares them. */
  private upstream(index: number, depth = 2, into = new Set<string>()): Set<string> {
    for (const p of this.descriptors[index]?.inputPorts ?? []) {
      if ('lineage' in p) into.add(`${p.lineage.namespace} ${p.lineage.name}`);
      else {
        into.add(p.product);
        const upstreamIndex = this.indexOf.get(p.product);
        if (depth > 1 && upstreamIndex !== undefined) this.upstream(upstreamIndex, depth - 1, into);
      }
    }
    return into;
  }

  private label(a: string, b: string, kind: NonDuplicateKind): void {
    this.labelled.add(pairKey(a, b));
    this.nonDuplicates.push({ a, b, kind });
  }

  private fieldsAt(index: number): readonly Field[] {
    return this.descriptors[index]?.outputPorts?.[0]?.fields ?? [];
  }

  private iri(index: number): string {
    return (this.descriptors[index] as Descriptor).id;
  }

  /** `base`, or `base-2`, `base-3`, … when taken: names are unique across the mesh, not only per domain. */
  private uniqueName(base: string): string {
    const stem = base.slice(0, 90).replace(/-+$/, ''); // within the slug's 100 characters, with room for a suffix
    let name = stem;
    for (let n = 2; this.names.has(name); n++) name = `${stem}-${n}`;
    this.names.add(name);
    return name;
  }

  /** `k` distinct integers of [0, n) in random order: a partial Fisher–Yates over a typed array, linear in n. */
  private sample(n: number, k: number): number[] {
    const xs = new Int32Array(n);
    for (let i = 0; i < n; i++) xs[i] = i;
    const out: number[] = [];
    for (let i = 0; i < Math.min(k, n); i++) {
      const j = i + this.rng.int(n - i);
      const x = xs[j] as number;
      xs[j] = xs[i] as number;
      xs[i] = x;
      out.push(x);
    }
    return out;
  }

  private shuffle<T>(xs: T[]): void {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
  }
}

function fieldOf(c: Column): Field {
  const field: Field = { name: c.name, type: c.type };
  if (c.concept) field.concept = c.concept;
  if (c.pii) field.pii = true;
  return field;
}

/**
 * One frozen field per column, shared by every product that has the column unchanged: at 100,000
 * products that saves over a million objects, and so most of the generation time (it is mostly
 * garbage collection). Frozen, so a caller that edits one by mistake fails instead of editing
 * every product at once.
 */
const SHARED_FIELDS = new Map([...ENTITIES.flatMap((e) => e.columns), ...EXTRA_COLUMNS].map((c) => [c, Object.freeze(fieldOf(c)) as Field]));
const sharedField = (c: Column): Field => SHARED_FIELDS.get(c) ?? fieldOf(c);

/** `f` itself when the name is unchanged, so unchanged columns stay shared. */
const withName = (f: Field, name: string): Field => (f.name === name ? f : { ...f, name });

/** The entity's concept, then its columns' concepts, each once. */
function conceptsOf(entityConcept: string, fields: readonly Field[]): string[] {
  const concepts = new Set([entityConcept]);
  for (const f of fields) if (f.concept) concepts.add(f.concept);
  return [...concepts];
}

/** The operational table an original is read from: one schema per scope, `public` for the whole business. */
function sourceOf(entity: Entity, scope: Scope): { namespace: string; name: string } {
  return { namespace: `postgres://${entity.domain}-db`, name: `${scope.slug ? scope.slug.replace(/-/g, '_') : 'public'}.${entity.table}` };
}

/** The n-th copy of a scope's name, for meshes with more originals of an entity than there are scopes. */
function shard(base: Scope, n: number): Scope {
  return base.slug
    ? { slug: `${base.slug}-${n}`, label: `${base.label} #${n}`, phrase: `${base.phrase} (shard ${n})` }
    : { slug: `shard-${n}`, label: `shard ${n}`, phrase: ` (shard ${n})` };
}

function titleOf(things: string, scope: Scope): string {
  return scope.label ? `${capitalise(things)} (${scope.label})` : capitalise(things);
}

const capitalise = (s: string): string => (s[0]?.toUpperCase() ?? '') + s.slice(1);
const slugOf = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);
function fill(template: Template, vars: Readonly<Record<string, string>>): string {
  let text = template[0] ?? '';
  for (let i = 1; i < template.length; i += 2) text += (vars[template[i] as string] ?? '') + (template[i + 1] ?? '');
  return text;
}

/** `customers-emea` → `emea-customers`: the same product named the other way round. */
function swapFirst(name: string): string {
  const i = name.indexOf('-');
  return i < 0 ? `${name}-copy` : `${name.slice(i + 1)}-${name.slice(0, i)}`;
}

const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `tags` ↔ `tag`, `item_count` → `item_counts`: what singularising normalisation undoes. */
function toggleNumber(name: string): string | undefined {
  const i = name.lastIndexOf('_');
  const head = name.slice(0, i + 1);
  const last = name.slice(i + 1);
  if (last.length < 4 || /(?:ss|us|is)$/.test(last)) return undefined;
  if (last.endsWith('s')) return head + last.slice(0, -1);
  return PLURALISABLE.has(last) ? `${head}${last}s` : undefined;
}

/** `customer_id` → `cust_id`: the first word that has a usual abbreviation. */
function abbreviate(name: string): string | undefined {
  const words = name.split('_');
  const i = words.findIndex((w) => ABBREVIATION.has(w));
  if (i < 0) return undefined;
  words[i] = ABBREVIATION.get(words[i] as string) as string;
  return words.join('_');
}

/** Up to `k` of `xs`, chosen at random, in their original order. */
function pickInOrder<T>(rng: Rng, xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs];
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rng.int(xs.length));
  return xs.filter((_, i) => chosen.has(i));
}
