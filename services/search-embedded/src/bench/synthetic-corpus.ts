import type { SearchDocument } from '@quanta/core';
import type { PortKind, ProductStatus } from '@quanta/model';
import { type Random, zipfSampler } from './random.js';

/** Real catalog words, placed among the most frequent ranks of the vocabulary. */
const CATALOG_WORDS = [
  'listener', 'play', 'events', 'artist', 'podcast', 'demographics', 'playlist', 'track', 'album', 'stream',
  'subscription', 'churn', 'revenue', 'royalties', 'catalog', 'search', 'session', 'device', 'region', 'market',
  'profile', 'recommendation', 'engagement', 'skip', 'like', 'follow', 'share', 'campaign', 'advert', 'payment',
  'label', 'genre', 'mood', 'audio', 'episode', 'show', 'creator', 'audience', 'daily', 'weekly', 'monthly',
  'aggregate', 'snapshot', 'history', 'metrics', 'quality', 'features', 'model', 'score', 'forecast',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'qui', 'ber', 'dan', 'sel', 'tor', 'pha', 'nu', 'gri', 'ost', 'lem', 'ar', 'ec', 'ul', 'im'];
/** The eight domains products belong to. */
export const DOMAINS = ['player', 'listener', 'artist', 'podcast', 'payments', 'ads', 'recommendations', 'content'];
const PORT_KINDS: readonly PortKind[] = ['table', 'stream', 'file', 'api', 'graphql'];
const STATUSES: readonly ProductStatus[] = ['active', 'active', 'active', 'active', 'active', 'active', 'draft', 'deprecated', 'retired'];

/** The shape of a generated catalog. */
export interface CorpusShape {
  readonly vocabularySize: number;
  readonly owners: number;
  readonly tags: number;
  readonly concepts: number;
}

/** The defaults the task's budget is stated for: a ~9k-word vocabulary, 40 owners, 8 domains. */
export const DEFAULT_SHAPE: CorpusShape = { vocabularySize: 9000, owners: 40, tags: 200, concepts: 120 };

/** A Zipf-distributed vocabulary: catalog words first, then made-up words of 2-5 syllables. */
export function makeVocabulary(random: Random, size: number): string[] {
  const words = new Set(CATALOG_WORDS);
  while (words.size < size) {
    const syllables = 2 + random.int(4);
    let word = '';
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
    words.add(word);
  }
  return [...words];
}

/** Generates products one at a time from a seeded source. */
export class CorpusGenerator {
  /** The vocabulary, most frequent first; queries draw from it too. */
  readonly vocabulary: readonly string[];
  private readonly word: () => number;
  /** Owner teams, drawn uniformly. */
  readonly owners: readonly string[];
  /** Tags, drawn Zipf-distributed. */
  readonly tags: readonly string[];
  private readonly concepts: readonly string[];
  private readonly tagRank: () => number;

  constructor(
    private readonly random: Random,
    shape: CorpusShape = DEFAULT_SHAPE,
  ) {
    this.vocabulary = makeVocabulary(random, shape.vocabularySize);
    this.word = zipfSampler(random, this.vocabulary.length);
    this.owners = Array.from({ length: shape.owners }, (_, i) => `${this.vocabulary[i * 7] ?? 'team'}-team`);
    this.tags = this.vocabulary.slice(0, shape.tags);
    this.concepts = this.vocabulary.slice(20, 20 + shape.concepts).map((w) => w[0]?.toUpperCase() + w.slice(1));
    this.tagRank = zipfSampler(random, this.tags.length);
  }

  /** Product number `i`: a unique IRI, realistic field sizes. */
  product(i: number): SearchDocument {
    const domain = this.random.pick(DOMAINS);
    const titleWords = this.words(3);
    const name = `${titleWords.slice(0, 2).join('-')}-${i}`;
    return {
      iri: `https://bench.example/products/${domain}/${name}`,
      name,
      title: titleWords.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' '),
      description: this.words(40).join(' ') + '.',
      domain,
      owner: this.random.pick(this.owners),
      status: this.random.pick(STATUSES),
      tags: [...new Set(Array.from({ length: 2 + this.random.int(3) }, () => this.tags[this.tagRank()] ?? 'tag'))],
      portKinds: [...new Set([this.random.pick(PORT_KINDS), this.random.pick(PORT_KINDS)])],
      fieldNames: Array.from({ length: 5 + this.random.int(11) }, () => this.fieldName()),
      concepts: Array.from({ length: this.random.int(4) }, () => this.random.pick(this.concepts)),
      revision: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
  }

  /** `n` words drawn from the Zipf vocabulary. */
  words(n: number): string[] {
    return Array.from({ length: n }, () => this.vocabulary[this.word()] ?? 'word');
  }

  private fieldName(): string {
    const [a, b] = this.words(2);
    return this.random.next() < 0.4 ? `${a}_id` : `${a}_${b}`;
  }
}
