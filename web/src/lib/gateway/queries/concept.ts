import 'server-only';
import { gql, orNotFound } from '../client';
import { PRODUCT_REF } from '../documents';
import type { ProductRef } from '../types';

export interface ConceptView {
  readonly concept: { readonly iri: string; readonly label: string };
  readonly equivalents: readonly { readonly iri: string; readonly label: string }[];
  readonly products: readonly (ProductRef & { readonly description: string | null; readonly concepts: readonly string[] })[];
  readonly truncated: boolean;
}

const CONCEPT = /* GraphQL */ `
  query Concept($iri: ID!) {
    concept(iri: $iri) {
      concept { iri label }
      equivalents { iri label }
      products { ...ProductRef description concepts }
      truncated
    }
  }
  ${PRODUCT_REF}
`;

/** Everything that speaks about a concept (and the concepts declared the same); null when nothing does. */
export async function conceptProducts(iri: string): Promise<ConceptView | null> {
  return (await orNotFound(gql<{ concept: ConceptView | null }>(CONCEPT, { iri })))?.concept ?? null;
}
