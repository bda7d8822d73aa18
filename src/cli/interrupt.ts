/**
 * Ctrl-C (SIGINT) and SIGTERM, in each phase of a run:
 * - simulating (interruptible): the first signal aborts the build's AbortSignal and the
 *   command ends with 130 (SIGINT) or 143 (SIGTERM); a second signal exits at once. A run
 *   estimated over a quarter second simulates in a worker thread (src/workers/build.ts), which
 *   the abort terminates at once; a shorter one finishes first, then reports the signal;
 * - rendering (synchronous, nothing on disk yet): a handler could only run once the drawing
 *   is done, so a drawing expected to take under a second holds the signal (signalsHeld:
 *   then the command reports, and `all` names what it wrote), a longer one has no handler and
 *   the signal's default action ends the process at once;
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
        await signalsDelivered(); // a figure built synchronously may have held one back
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
 * Lets a signal that arrived during synchronous work reach its handler: libuv reads it in the
 * poll phase, which the first setImmediate may precede (measured: the second always follows it).
 */
async function signalsDelivered(): Promise<void> {
  for (let k = 0; k < 2; k++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs fn with SIGINT and SIGTERM held: they are handled after it. Throws what `interrupted`
 * makes of the signal if one came (fn's result is dropped), fn's own error otherwise.
 */
export async function signalsHeld<T>(fn: () => T | Promise<T>, interrupted: (signal: StopSignal) => Interrupted): Promise<T> {
  let caught: StopSignal | undefined;
  const result = await withSignals(
    (signal) => (caught ??= signal),
    async () => {
      const value = await fn();
      await signalsDelivered();
      return value;
    },
  );
  if (caught) throw interrupted(caught);
  return result;
}

/**
 * Runs a synchronous write with SIGINT and SIGTERM held until the file is whole (or the write
 * failed and cleaned up). Throws Interrupted if one came, with `written` plus this file.
 */
export async function uninterruptedWrite(path: string, write: () => void, written: readonly string[] = []): Promise<void> {
  await signalsHeld(write, (signal) => new Interrupted(signal, [...written, path]));
}

/**
 * Notes SIGINT and SIGTERM until released, for a run whose phases each handle signals their own
 * way: in the moment between two phases no handler of theirs is listening, and a signal there
 * would take the default action (the process ends without a word). The run asks `caught()`
 * between phases.
 */
export function signalsNoted(): { caught: () => StopSignal | undefined; release: () => void } {
  let caught: StopSignal | undefined;
  const handlers = SIGNALS.map((signal) => [signal, () => (caught ??= signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    caught: () => caught,
    release: () => {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    },
  };
}
