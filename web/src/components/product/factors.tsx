import type { Factor } from '@/lib/gateway/types';
import { fixed } from '@/lib/format';

/** The feedback factors behind a product's score, each with the sentence that explains it. */
export function Factors({ factors, score }: { factors: readonly Factor[]; score: number | null }) {
  return (
    <>
      <p className="small">
        Feedback multiplier <b>{score === null ? 'not scored yet' : `×${fixed(score, 3)}`}</b>: search multiplies text relevance by it, within
        bounds, so good service lifts a product among close matches but never above a better match.
      </p>
      <ul className="reasons">
        {factors.map((f) => (
          <li key={f.name} className={f.value > 1.005 ? 'factor-up' : f.value < 0.995 ? 'factor-down' : undefined}>
            <b>{f.name}</b> ×{fixed(f.value, 3)}: {f.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
