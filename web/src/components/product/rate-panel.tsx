import Link from 'next/link';
import type { RatingView } from '@/lib/gateway/types';
import { productHref, signInHref } from '@/lib/links';
import type { Viewer } from '@/lib/session';
import { RateForm } from './rate-form';

/**
 * Where a person rates the product: the form for a signed-in consumer (rating as itself), else
 * the way to sign in. A visitor sees no form: the API would refuse a rating without a person's token.
 */
export function RatePanel({ product, ratings, viewer }: { product: string; ratings: readonly RatingView[]; viewer: Viewer }) {
  if (viewer.state !== 'signed-in') {
    return (
      <p data-testid="sign-in-to-rate">
        <Link href={signInHref(productHref(product))}>Sign in to rate</Link> this product: ratings are recorded as your team or consuming product.
      </p>
    );
  }
  const consumer = viewer.me.consumer;
  if (!consumer) {
    return (
      <p className="notice" data-testid="sign-in-to-rate">
        Your token rates as no consumer. <Link href={signInHref(productHref(product))}>Sign in to rate</Link> with a consumer’s or an owner team’s token.
      </p>
    );
  }
  const mine = ratings.find((r) => r.consumer === consumer);
  return <RateForm product={product} consumer={consumer} current={mine?.stars} />;
}
