/**
 * Ctrl-C (SIGINT) and SIGTERM, in each phase of a run:
 * - simulating (interruptible): the first signal aborts the build's AbortSignal (the tuning
 *   curve's workers are terminated at once) and the command ends with 130 (SIGINT) or 143
 *   (SIGTERM); a second signal exits at once;
 * - rendering (synchronous, nothing on disk yet): no handler, so the signal's default action
 *   ends the process at once — a handler would only run once the drawing is done;
 * - writing (uninterruptedWrite): the signal is held until the file is whole and renamed into
 *   place (milliseconds: the bytes are ready), so no temporary file is ever left behind.
 * Interrupted carries the files written before it, for `all` to report.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];
const EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export class Interrupted extends Error {
  readonly exitCode: number;
  constructor(
    readonly signal: StopSignal = 'SIGINT',
    readonly written: readonly string[] = [],
  ) {
    super(written.length === 0 ? 'interrupted; no file written' : `interrupted after writing ${describeWritten(written)}; no file is half-written`);
    this.name = 'Interrupted';
    this.exitCode = EXIT_CODES[signal];
  }

  /** The same interruption, with the files written before it. */
  after(written: readonly string[]): Interrupted {
    return new Interrupted(this.signal, written);
  }
}

function describeWritten(written: readonly string[]): string {
  if (written.length === 1) return `'${written[0]}'`;
  return `${written.length} files (the last: '${written[written.length - 1]}')`;
}

/** Listens to SIGINT and SIGTERM while `during` runs; returns what was caught. */
async function withSignals<T>(onSignal: (signal: StopSignal) => void, during: () => Promise<T>): Promise<T> {
  const handlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await during();
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  }
}

/**
 * Runs fn with a signal that SIGINT or SIGTERM aborts. If it was aborted, rejects with
 * Interrupted (whatever fn threw), so callers write nothing after it.
 */
export async function interruptible<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let caught: StopSignal | undefined;
  return withSignals(
    (signal) => {
      if (caught) process.exit(EXIT_CODES[caught]);
      caught = signal;
      controller.abort(new Interrupted(signal));
    },
    async () => {
      try {
        const result = await fn(controller.signal);
        if (caught) throw new Interrupted(caught);
        return result;
      } catch (e) {
        if (caught) throw new Interrupted(caught);
        throw e;
      }
    },
  );
}

/**
 * Runs a synchronous write with SIGINT and SIGTERM held: they are handled after it, when the
 * file is whole (or the write failed and cleaned up). Throws Interrupted if one came, with
 * `written` plus this file if the write succeeded.
 */
export async function uninterruptedWrite(path: string, write: () => void, written: readonly string[] = []): Promise<void> {
  let caught: StopSignal | undefined;
  await withSignals(
    (signal) => (caught ??= signal),
    async () => {
      write();
      // Let a signal that arrived during the write be delivered to the handler.
      await new Promise((resolve) => setImmediate(resolve));
    },
  );
  if (caught) throw new Interrupted(caught, [...written, path]);
}
