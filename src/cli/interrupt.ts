/**
 * Ctrl-C during a build: the first SIGINT aborts the build's AbortSignal (the tuning curve's
 * workers are terminated at once) and the command ends with exit code 130 without writing a
 * file; a second SIGINT exits at once. Outside interruptible() Node's default applies.
 */
export class Interrupted extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted; no file written');
    this.name = 'Interrupted';
  }
}

/**
 * Runs fn with a signal that SIGINT aborts. If it was aborted, rejects with Interrupted
 * (whatever fn threw), so callers write nothing after it.
 */
export async function interruptible<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Interrupted());
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await fn(controller.signal);
    if (controller.signal.aborted) throw new Interrupted();
    return result;
  } catch (e) {
    if (controller.signal.aborted) throw new Interrupted();
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
