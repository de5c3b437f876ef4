import type { Client } from './client.js';

/** How sending a lineage history went. */
export interface LineageSummary {
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: readonly string[];
}

/** Events per request: well under the server's body limit for events of a few KB. */
const CHUNK = 100;

/**
 * Sends events through the lineage port in batches, collecting every failure with its reason,
 * named by `labelOf(index)` (a file's line number, say), and telling `onProgress` after each batch.
 */
export async function sendLineage(
  client: Client,
  events: readonly unknown[],
  { labelOf = (k: number) => `event ${k}`, onProgress }: { labelOf?: (index: number) => string; onProgress?: (sent: number) => void } = {},
): Promise<LineageSummary> {
  let stored = 0;
  let duplicates = 0;
  const failed: string[] = [];
  for (let from = 0; from < events.length; from += CHUNK) {
    const report = await client.lineageBatch(events.slice(from, from + CHUNK));
    stored += report.summary.stored;
    duplicates += report.summary.duplicates;
    for (const f of report.failed_events) failed.push(`${labelOf(from + f.index)}: ${f.reason}`);
    onProgress?.(Math.min(events.length, from + CHUNK));
  }
  return { stored, duplicates, failed };
}
