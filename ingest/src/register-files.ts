import { UnreachableError, type Client } from './client.js';
import type { DescriptorFile } from './descriptor-files.js';
import { NO_PROGRESS, type Progress } from './progress.js';

/** How a batch of registrations went. */
export interface RegisterSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: readonly { path: string; error: string }[];
}

/**
 * Registers descriptor files one by one, in order (a product after the ones that define the concepts
 * it claims, as the demo mesh needs), telling `progress` after each. A failure does not stop the
 * batch; every failure is reported with the server's reason.
 */
export async function registerFiles(client: Client, files: readonly DescriptorFile[], progress: Progress = NO_PROGRESS): Promise<RegisterSummary> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const failed: { path: string; error: string }[] = [];
  progress.start(files.length);
  for (const [k, file] of files.entries()) {
    try {
      const result = await client.register(file.text, file.format);
      counts[result.outcome as keyof typeof counts] += 1;
    } catch (error) {
      // Quanta being down is not this file's fault: stop, so the command says so once (exit 3).
      if (error instanceof UnreachableError) throw error;
      failed.push({ path: file.path, error: (error as Error).message });
    }
    progress.update(k + 1, file.path.split('/').at(-1));
  }
  progress.stop();
  return { ...counts, failed };
}
