import type { Client } from './client.js';
import { type DescriptorFile, demoDescriptorFiles } from './descriptor-files.js';
import { demoLineageEvents } from './demo-lineage.js';
import { demoSignals, readDemoSignalFile } from './demo-signals.js';
import { progressOn } from './progress.js';
import { registerFiles } from './register-files.js';
import { sendLineage } from './send-lineage.js';
import { sendSignals } from './send-signals.js';

/** Where the demo's progress lines go. */
type Print = (line: string) => void;

/** Loads the Daff demo mesh: its products, then their history. */
export async function loadDemo(client: Client, print: Print, today = new Date()): Promise<boolean> {
  const files = await demoDescriptorFiles();
  const registered = await registerDemo(client, files, print);
  return (await sendDemoHistory(client, files, print, today)) && registered;
}

/** Registers the demo products, concept homes first. */
export async function registerDemo(client: Client, files: readonly DescriptorFile[], print: Print): Promise<boolean> {
  // The bar only on a terminal: `quanta up` loads the demo into a log where lines would be noise.
  const summary = await registerFiles(client, files, process.stderr.isTTY ? progressOn(process.stderr, 'registering', 'demo products') : undefined);
  print(`  ${summary.created} demo products registered${summary.failed.length ? `, ${summary.failed.length} failed` : ''}`);
  for (const f of summary.failed) print(`  ✗ ${f.path}: ${f.error}`);
  return summary.failed.length === 0;
}

/**
 * Sends the demo products' history relative to `today`: the last week of OpenLineage runs, then the
 * usage, ratings and SLO checks of `demo/signals.yaml`, so both feedback loops show at once; then
 * runs duplicate detection over it.
 */
export async function sendDemoHistory(client: Client, files: readonly DescriptorFile[], print: Print, today = new Date()): Promise<boolean> {
  const lineage = await sendLineage(client, demoLineageEvents(files, today));
  print(`  ${lineage.stored} OpenLineage events of the last 7 days stored${lineage.failed.length ? `, ${lineage.failed.length} failed` : ''}`);
  for (const f of lineage.failed) print(`  ✗ ${f}`);
  const signals = await sendSignals(client, demoSignals(await readDemoSignalFile(), files, today));
  const failed = signals.failed.length ? `, ${signals.failed.length} calls failed` : '';
  print(`  ${signals.usage} usage reports, ${signals.ratings} ratings and ${signals.checks} SLO checks stored${failed}`);
  for (const f of signals.failed) print(`  ✗ ${f}`);
  // The balancing loop runs on a schedule; with a history just sent, run it now so the demo shows
  // its duplicate groups and flags from the first start.
  const found = await client.detectDuplicates();
  print(`  duplicate detection: ${found.groups} duplicate group${found.groups === 1 ? '' : 's'}, ${found.flagged} product${found.flagged === 1 ? '' : 's'} flagged for retirement`);
  return lineage.failed.length === 0 && signals.failed.length === 0;
}
