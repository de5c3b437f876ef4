import 'server-only';
import { gql } from '../client';

const RATE = /* GraphQL */ `
  mutation Rate($product: ID!, $consumer: String!, $stars: Int!, $comment: String) {
    rate(product: $product, consumer: $consumer, stars: $stars, comment: $comment) { outcome }
  }
`;

/**
 * Stores a consumer's rating of a product; it replaces the consumer's earlier one. The API takes
 * it only from that consumer's own token, so `token` is the signed-in person's.
 */
export async function rateProduct(input: { product: string; consumer: string; stars: number; comment?: string }, token: string): Promise<'stored' | 'updated' | 'duplicate'> {
  const data = await gql<{ rate: { outcome: 'stored' | 'updated' | 'duplicate' } }>(
    RATE,
    { product: input.product, consumer: input.consumer, stars: input.stars, ...(input.comment && { comment: input.comment }) },
    { token },
  );
  return data.rate.outcome;
}
