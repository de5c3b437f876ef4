import { readFile } from 'node:fs/promises';

/** The events of an OpenLineage file, each with its line (its position, in a JSON array), and the lines that are not JSON. */
export interface LineageFile {
  readonly events: readonly { readonly line: number; readonly event: unknown }[];
  readonly unreadable: readonly string[];
}

/**
 * Reads OpenLineage events from a file as producers and Marquez dumps write them: NDJSON (one event
 * per line, what the OpenLineage file transport writes), or one JSON array or object. A line that
 * is not JSON is reported by its number and not sent; whether an event is valid OpenLineage is the
 * server's to say.
 */
export async function readLineageFile(path: string): Promise<LineageFile> {
  const text = await readFile(path, 'utf8');
  try {
    // One JSON document (an array of events, or one event): NDJSON of two or more lines is not one.
    const parsed = JSON.parse(text) as unknown;
    return { events: (Array.isArray(parsed) ? parsed : [parsed]).map((event, k) => ({ line: k + 1, event })), unreadable: [] };
  } catch {
    // Read it line by line below.
  }
  const events: { line: number; event: unknown }[] = [];
  const unreadable: string[] = [];
  text.split('\n').forEach((raw, k) => {
    if (!raw.trim()) return;
    try {
      events.push({ line: k + 1, event: JSON.parse(raw) });
    } catch (error) {
      unreadable.push(`${path}:${k + 1}: not JSON (${(error as Error).message})`);
    }
  });
  return { events, unreadable };
}
