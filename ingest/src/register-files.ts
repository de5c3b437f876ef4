import cliProgress from 'cli-progress';
import type { Client } from './client.js';
import type { DescriptorFile } from './descriptor-files.js';

/** How a batch of registrations went. */
export interface RegisterSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: readonly { path: string; error: string }[];
}

/**
 * Registers descriptor files one by one through the discovery port, with a progress bar on a
 * terminal. A failure does not stop the batch; every failure is reported with the server's reason.
 */
export async function registerFiles(client: Client, files: readonly DescriptorFile[], interactive: boolean): Promise<RegisterSummary> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const failed: { path: string; error: string }[] = [];
  const bar = interactive ? new cliProgress.SingleBar({ format: '  registering {bar} {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    try {
      const result = await client.register(file.text, file.format);
      counts[result.outcome as keyof typeof counts] += 1;
    } catch (error) {
      failed.push({ path: file.path, error: (error as Error).message });
    }
    bar?.increment({ file: file.path.split('/').at(-1) });
  }
  bar?.stop();
  return { ...counts, failed };
}
