import { describe, expect, it } from 'vitest';
import { RebuildGuard } from './rebuild-guard.js';

/** A promise the test resolves by hand, to hold a rebuild half-way. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('RebuildGuard', () => {
  it('refreshes again, after the rebuild swapped its picture in, what was refreshed while it ran', async () => {
    const guard = new RebuildGuard();
    const log: string[] = [];
    const g = gate();
    guard.note('before');
    const running = guard.run(
      async () => {
        await g.opened;
        log.push('swap');
      },
      async (iri) => {
        log.push(`redo ${iri}`);
      },
    );
    guard.note('during');
    guard.note('during');
    g.open();
    await running;
    expect(log).toEqual(['swap', 'redo during']);
    // Nothing is left over for the next rebuild.
    await guard.run(async () => void log.push('swap'), async (iri) => void log.push(`redo ${iri}`));
    expect(log).toEqual(['swap', 'redo during', 'swap']);
  });

  it('waits for the last of overlapping rebuilds', async () => {
    const guard = new RebuildGuard();
    const log: string[] = [];
    const first = gate();
    const second = gate();
    const redo = async (iri: string) => void log.push(`redo ${iri}`);
    const a = guard.run(async () => {
      await first.opened;
      log.push('swap 1');
    }, redo);
    const b = guard.run(async () => {
      await second.opened;
      log.push('swap 2');
    }, redo);
    guard.note('x');
    first.open();
    await a;
    expect(log).toEqual(['swap 1']);
    second.open();
    await b;
    expect(log).toEqual(['swap 1', 'swap 2', 'redo x']);
  });
});
