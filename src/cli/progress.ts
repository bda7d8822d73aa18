/**
 * Progress of a long build on stderr (cli-progress): conditions done out of total, the
 * rate and the time left. Only when stderr is a terminal and not --quiet: nothing at all on
 * a pipe or a file. The bar appears with the first update and is taken down by stop().
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

export function progressReporter(stderr: NodeJS.WritableStream & { isTTY?: boolean }, label: string, quiet: boolean): Progress {
  if (quiet || stderr.isTTY !== true) return SILENT;
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (!bar) {
        bar = new cliProgress.SingleBar(
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
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { rate: '–', left: '–' });
        started = now;
      }
      const seconds = (now - started) / 1000;
      const perSecond = seconds > 0 ? done / seconds : 0;
      const rate = perSecond > 0 ? perSecond.toFixed(perSecond >= 10 ? 0 : 1) : '–';
      const left = perSecond > 0 ? formatSeconds((total - done) / perSecond) : '–';
      bar.setTotal(total);
      bar.update(done, { rate, left });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** 7 s, 1 min 05 s, 1 h 02 min. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
