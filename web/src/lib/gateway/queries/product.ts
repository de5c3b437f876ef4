import 'server-only';
import { unstable_cache } from 'next/cache';
import { sharedReadToken } from '../../session';
import { gql, orNotFound } from '../client';
import { PRODUCT_REF } from '../documents';
import type { DuplicateGroupView, Factor, ProductRef, RatingView, SloStatusView } from '../types';

/** A field of an output port, with the shared concept it carries. */
export interface FieldView {
  readonly name: string;
  readonly type: string;
  readonly description: string | null;
  readonly concept: string | null;
  readonly pii: boolean;
}

/** An output port with its fields and declared SLOs. */
export interface PortView {
  readonly iri: string;
  readonly name: string;
  readonly kind: string;
  readonly format: string | null;
  readonly description: string | null;
  readonly location: string | null;
  readonly fields: readonly FieldView[];
  readonly slos: readonly { readonly metric: string; readonly objective: string; readonly target: number | null; readonly window: string | null }[];
}

/** A product one hop or more away in lineage, with its own one-hop links so the graph can be drawn. */
export interface LineageNodeView extends ProductRef {
  readonly lineageLinks: readonly LinkView[];
}

/** One hop between two products, and what shows it (declared, dataset or job). */
export interface LinkView {
  readonly upstream: { readonly iri: string };
  readonly downstream: { readonly iri: string };
  readonly via: string;
}

/** A product with everything its page shows. */
export interface ProductView extends ProductRef {
  readonly name: string;
  readonly description: string | null;
  readonly version: string | null;
  readonly tags: readonly string[];
  readonly concepts: readonly string[];
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly owner: { readonly name: string; readonly contact: string | null };
  readonly links: readonly { readonly name: string; readonly iri: string }[];
  readonly outputPorts: readonly PortView[];
  readonly feedbackScore: number | null;
  readonly factors: readonly Factor[];
  readonly ratings: readonly RatingView[];
  readonly usage: { readonly consumers: number; readonly activeConsumers: number } | null;
  readonly sloStatus: readonly SloStatusView[];
  readonly duplicateGroup: DuplicateGroupView | null;
  readonly flaggedForRetirement: boolean;
  readonly revisions: readonly RevisionView[];
  readonly semanticModel: SemanticModelView;
  readonly upstream: readonly LineageNodeView[];
  readonly downstream: readonly LineageNodeView[];
  readonly lineageLinks: readonly LinkView[];
}

const PRODUCT = /* GraphQL */ `
  query Product($iri: ID!, $depth: Int!) {
    product(iri: $iri) {
      ...ProductRef
      name description version tags concepts revision createdAt updatedAt
      owner { name contact }
      links { name iri }
      outputPorts {
        iri name kind format description location
        fields { name type description concept pii }
        slos { metric objective target window }
      }
      feedbackScore
      factors { name value reason }
      ratings { consumer team stars at verified }
      usage { consumers activeConsumers }
      sloStatus { guarantee target burn met checks failed }
      duplicateGroup {
        canonical { ...ProductRef }
        canonicalReason averageScore
        members { product { ...ProductRef } canonical demoted graceEndsAt }
      }
      flaggedForRetirement
      revisions { revision status recordedAt recordedBy hash }
      semanticModel {
        entities { iri label comment attributes { iri label range } matches { iri relation } }
        relations { iri label from to }
      }
      upstream(depth: $depth) { ...LineageNode }
      downstream(depth: $depth) { ...LineageNode }
      lineageLinks { upstream { iri } downstream { iri } via }
    }
  }
  fragment LineageNode on DataProduct {
    ...ProductRef
    lineageLinks { upstream { iri } downstream { iri } via }
  }
  ${PRODUCT_REF}
`;

/** How many hops of lineage a product page draws unless asked for more. */
export const DEFAULT_LINEAGE_DEPTH = 2;

/** A product with everything its page shows; null when no product is registered under `iri`. */
export async function getProduct(iri: string, depth = DEFAULT_LINEAGE_DEPTH): Promise<ProductView | null> {
  const data = await orNotFound(gql<{ product: ProductView | null }>(PRODUCT, { iri, depth }));
  return data?.product ?? null;
}

/** The semantic model as entities, attributes, relations and matches (the entity diagram). */
export interface SemanticModelView {
  readonly entities: readonly {
    readonly iri: string;
    readonly label: string;
    readonly comment: string | null;
    readonly attributes: readonly { readonly iri: string; readonly label: string; readonly range: string | null }[];
    readonly matches: readonly { readonly iri: string; readonly relation: string }[];
  }[];
  readonly relations: readonly { readonly iri: string; readonly label: string; readonly from: string; readonly to: string }[];
}

/** One stored revision of the product's descriptor. */
export interface RevisionView {
  readonly revision: number;
  readonly status: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly hash: string;
}


const SIMILAR = /* GraphQL */ `
  query Similar($q: String!) {
    search(q: $q, first: 8, searched: false) { hits { product { ...ProductRef } relevance } }
  }
  ${PRODUCT_REF}
`;

/**
 * Products like this one: a search for its title ("more like this"), itself left out. Search
 * ranks them by text relevance and feedback, so the better-served similar product comes first.
 */
export async function similarProducts(product: { iri: string; title: string }, count = 5): Promise<readonly ProductRef[]> {
  return (await similarTo(product.title.slice(0, 200))).filter((p) => p.iri !== product.iri).slice(0, count);
}

/**
 * The search behind "similar products", kept for 30 s: a side panel need not be fresher than that.
 * The cache is shared by everyone, so it asks with the UI's own reader token, never a person's.
 */
const similarTo = unstable_cache(
  async (title: string) => (await gql<{ search: { hits: { product: ProductRef }[] } }>(SIMILAR, { q: title }, { token: sharedReadToken() })).search.hits.map((h) => h.product),
  ['similar-products'],
  { revalidate: 30 },
);
