/**
 * Standard output and error that fail: a closed pipe (`snn-figs list | head -c 10`), a full
 * device (`--help > /dev/full`), a closed descriptor (`>&-`). Node reports these as 'error'
 * events which, unhandled, crash with a stack trace. Here:
 * - EPIPE on stdout: the reader has all it wanted; end quietly with the command's own exit
 *   code (0 for list and help, as other command-line tools do);
 * - any other failure on stdout (ENOSPC, EBADF, EIO): one line on stderr and exit code 1;
 * - any failure on stderr: silence (there is nowhere left to say it), exit code kept.
 * Errors can arrive after main() has returned (pipes fail asynchronously), so the exit code
 * is raised on the process too when the streams are the process's own.
 */
import { fsReason } from './errors.js';

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

export interface GuardedStreams {
  /** The exit code to use: `code`, or 1 if stdout failed other than by a closed pipe. */
  exitCode(code: number): number;
}

const REASONS: Record<string, string> = { EBADF: 'it is closed', EIO: 'input/output error' };

export function guardStreams(stdout: Stream, stderr: Stream): GuardedStreams {
  let failed = false;
  let stdoutBroken = false;
  let stderrBroken = false;
  const own = stdout === process.stdout;
  stderr.on('error', () => {
    stderrBroken = true;
  });
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (stdoutBroken) return; // the writes after the first failure fail too
    stdoutBroken = true;
    if (e.code === 'EPIPE') return;
    failed = true;
    if (own && !process.exitCode) process.exitCode = 1;
    if (!stderrBroken) {
      try {
        stderr.write(`snn-figs: error: cannot write to standard output: ${REASONS[e.code ?? ''] ?? fsReason(e)}\n`);
      } catch {
        // stderr is gone as well: silence.
      }
    }
  });
  return { exitCode: (code) => (failed && code === 0 ? 1 : code) };
}

/** Lets stream errors of the last writes arrive (they are emitted on a later tick). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
