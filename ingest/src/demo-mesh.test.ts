import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDescriptor } from '@quanta/model';
import { collectDescriptorFiles, demoDescriptorFiles } from './descriptor-files.js';
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
});
