/**
 * Progress of a long build on stderr (cli-progress): conditions done out of total, the
 * rate and the time left. Only when stderr is a terminal and not --quiet: nothing at all on
 * a pipe or a file. The bar appears with the first update and is taken down by stop().
 * On a TERM=dumb terminal (no cursor movement, no erasing) progress is plain lines instead.
 * A synchronous phase (a simulation on the generic core, drawing) cannot move a bar: when it
 * is expected to take over LONG_PHASE_SECONDS, phaseNotice says what is being done first.
 */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import { formatDuration } from '../options/cost.js';

/** cli-progress, loaded when a bar is first drawn: most commands never draw one, and loading it costs start-up time. */
function cliProgress(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };
/** Runs longer than this get something on the terminal while they run. */
export const LONG_PHASE_SECONDS = 2;
/** A dumb terminal gets a progress line at most this often. */
const DUMB_INTERVAL_MS = 2000;

type Stderr = NodeJS.WritableStream & { isTTY?: boolean };

/** Terminals that do not understand cursor movement and erasing. */
function isDumb(term: string | undefined): boolean {
  return term === 'dumb' || term === 'unknown';
}

/** Plain lines, for TERM=dumb: the first update, then at most one every DUMB_INTERVAL_MS, and the last. */
function plainProgress(stderr: Stderr, label: string): Progress {
  let last = -Infinity;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < DUMB_INTERVAL_MS && done < total) return;
      last = now;
      stderr.write(`${label}: ${done}/${total} conditions\n`);
    },
    stop() {},
  };
}

/**
 * Says, on a terminal, what a synchronous phase is doing when it is expected to take longer
 * than LONG_PHASE_SECONDS; done() erases the line again (a dumb terminal keeps it).
 */
export function phaseNotice(stderr: Stderr, quiet: boolean, text: string, seconds: number, term = process.env.TERM): { done: () => void } {
  if (quiet || stderr.isTTY !== true || !(seconds > LONG_PHASE_SECONDS)) return { done: () => {} };
  const line = `${text} (about ${formatDuration(seconds)})…`;
  if (isDumb(term)) {
    stderr.write(`${line}\n`);
    return { done: () => {} };
  }
  stderr.write(line);
  return { done: () => stderr.write('\r\x1b[K') };
}

export function progressReporter(stderr: Stderr, label: string, quiet: boolean, term = process.env.TERM): Progress {
  if (quiet || stderr.isTTY !== true) return SILENT;
  if (isDumb(term)) return plainProgress(stderr, label);
  let bar: cliProgressModule.SingleBar | undefined;
  let started = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (!bar) {
        const { SingleBar, Presets } = cliProgress();
        bar = new SingleBar(
          {
            stream: stderr as NodeJS.WritableStream,
            format: `${label} {bar} {value}/{total} conditions | {rate}/s | {left} left`,
            barCompleteChar: '█',
            barIncompleteChar: '░',
            barsize: 24,
            hideCursor: true,
            // cli-progress's own SIGINT handler is not wanted: src/cli/interrupt.ts owns Ctrl-C.
            gracefulExit: false,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, { rate: '–', left: '–' });
        started = now;
      }
      const seconds = (now - started) / 1000;
      const perSecond = seconds > 0 ? done / seconds : 0;
      const rate = perSecond > 0 ? perSecond.toFixed(perSecond >= 10 ? 0 : 1) : '–';
      const left = perSecond > 0 ? formatDuration((total - done) / perSecond) : '–';
      bar.setTotal(total);
      bar.update(done, { rate, left });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
