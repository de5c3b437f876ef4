import type { ProductStatus } from '@/lib/gateway/types';

const TONE: Record<ProductStatus, string> = { active: 'good', draft: '', deprecated: 'warn', retired: 'bad' };

/** The product's lifecycle status; active is the quiet default. */
export function StatusBadge({ status }: { status: ProductStatus }) {
  return <span className={`badge ${TONE[status]}`}>{status}</span>;
}
