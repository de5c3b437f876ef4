import 'server-only';
import { gql } from '../client';

const RATE = /* GraphQL */ `
  mutation Rate($product: ID!, $consumer: String!, $stars: Int!, $comment: String) {
    rate(product: $product, consumer: $consumer, stars: $stars, comment: $comment) { outcome }
  }
`;

/** Stores a consumer team's rating of a product; it replaces the team's earlier one. */
export async function rateProduct(input: { product: string; team: string; stars: number; comment?: string }): Promise<'stored' | 'updated' | 'duplicate'> {
  const data = await gql<{ rate: { outcome: 'stored' | 'updated' | 'duplicate' } }>(RATE, {
    product: input.product,
    consumer: input.team,
    stars: input.stars,
    ...(input.comment && { comment: input.comment }),
  });
  return data.rate.outcome;
}
