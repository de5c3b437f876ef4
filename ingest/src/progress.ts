import cliProgress from 'cli-progress';

/** Reports how far a long command got. */
export interface Progress {
  /** The total is known (or changed): start or restart. */
  start(total: number): void;
  /** `done` of the total are finished; `item` names the last one. */
  update(done: number, item?: string): void;
  stop(): void;
}

/**
 * Progress on standard error, so standard output stays the command's answer (`--json` pipes
 * cleanly). On a terminal, a bar; elsewhere (a CI log, a test), a plain line at each tenth of the
 * way, which a log keeps readable where a redrawn bar would leave control characters.
 */
export function progressOn(stream: NodeJS.WriteStream, label: string, unit: string): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `  ${label} {bar} {value}/{total} ${unit} {item}`, stream }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      start: (total) => {
        if (started) bar.setTotal(total);
        else bar.start(total, 0, { item: '' });
        started = true;
      },
      update: (done, item = '') => bar.update(done, { item }),
      stop: () => started && bar.stop(),
    };
  }
  let total = 0;
  let shown = -1;
  return {
    start: (t) => {
      total = t;
    },
    update: (done) => {
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (tenth === shown) return;
      shown = tenth;
      stream.write(`  ${label} ${done}/${total} ${unit}\n`);
    },
    stop: () => undefined,
  };
}

/** No progress at all, for programmatic callers. */
export const NO_PROGRESS: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };
