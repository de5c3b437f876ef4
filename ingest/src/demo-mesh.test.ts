import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDescriptor } from '@quanta/model';
import { collectDescriptorFiles, demoDescriptorFiles } from './descriptor-files.js';
import { demoSignals, readDemoSignalFile } from './demo-signals.js';
import { DEMO_DIR } from './paths.js';

describe('the Daff demo mesh', async () => {
  const files = await collectDescriptorFiles([DEMO_DIR]);
  const descriptors = files.map((f) => ({ path: f.path, d: parseDescriptor(parse(f.text)) }));
  const ids = new Set(descriptors.map(({ d }) => d.id));

  it('has about forty valid products across the eight domains of the book', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
    expect(new Set(descriptors.map(({ d }) => d.domain))).toEqual(
      new Set(['player', 'listener', 'artist', 'playlist', 'podcast', 'partnership', 'social-media', 'recommendations']),
    );
    expect(ids.size).toBe(files.length);
  });

  it('marks every product as demo data', () => {
    for (const { d } of descriptors) {
      expect(d.tags?.[0]).toBe('demo');
      expect(d.id.startsWith('https://daff.example/')).toBe(true);
    }
  });

  it('only names upstream products that exist in the mesh', () => {
    for (const { d } of descriptors) {
      for (const input of d.inputPorts ?? []) if ('product' in input) expect(ids).toContain(input.product.split('#')[0]);
    }
  });

  it('loads the products that define shared concepts first, then every other product once', async () => {
    const ordered = await demoDescriptorFiles();
    expect(ordered.map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
    const first = ordered.slice(0, 9).map((f) => f.path.split('/products/')[1]);
    expect(first).toEqual(expect.arrayContaining(['listener/listener-profiles.yaml', 'artist/track-catalog.yaml', 'playlist/playlists.yaml']));
    // Whether each concept is then known when claimed is checked end to end (test/e2e/quanta-up.test.ts).
  });

  it('has a signal history for every product: usage by teams, ratings from users, daily SLO checks, one product breaching', async () => {
    const file = await readDemoSignalFile();
    expect(Object.keys(file.products).sort()).toEqual(descriptors.map(({ d }) => d.name).sort());
    const today = new Date('2026-06-15T12:00:00Z');
    const signals = demoSignals(file, files, today);
    // Consumers come from many domains' teams, never the owner; raters are consumers (checked as it expands).
    expect(new Set(signals.usage.map((u) => u.consumer)).size).toBeGreaterThan(20);
    expect(signals.ratings.length).toBeGreaterThan(60);
    // Every live product with declared guarantees is checked; recent failures only where the loop should bite.
    const live = descriptors.filter(({ d }) => d.status !== 'deprecated' && (d.outputPorts ?? []).some((p) => (p.slos ?? []).length > 0));
    expect(signals.checks.map((c) => c.product).sort()).toEqual(live.map(({ d }) => d.id).sort());
    const lastWeek = Date.parse('2026-06-08T00:00:00Z');
    const breaching = signals.checks.filter((c) => c.checks.some((k) => !k.passed && Date.parse(k.at) > lastWeek)).map((c) => c.product.split('/').pop());
    expect(breaching.sort()).toEqual(['player-quality-daily', 'podcast-audience', 'podcast-shows-rss']);
    // Nothing in the future, and the same history on every load of the same day.
    expect(signals.usage.every((u) => Date.parse(u.at) < today.getTime())).toBe(true);
    expect(demoSignals(file, files, today)).toEqual(signals);
  });

  it('refuses a signal file that rates without use or names an unknown product', () => {
    expect(() => demoSignals({ products: { 'play-events': { consumers: [], formerConsumers: [], ratings: { finance: [5, 'x'] }, failing: {}, failedDaysAgo: {} } } }, files)).toThrow(/does not use it/);
    expect(() => demoSignals({ products: { nowhere: { consumers: [], formerConsumers: [], ratings: {}, failing: {}, failedDaysAgo: {} } } }, files)).toThrow(/not a demo product/);
  });
});
