/** The two kinds of failure a user can meet, and their exit codes. */
import { problemText, type Problem } from '../options/problems.js';

/** The command line is wrong: exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A refused parameter or run in the command line's words: `--tau …`, and --force where it helps. */
export function usageError(problem: Problem): UsageError {
  const hint = problem.forcible ? `${problem.hint} or pass --force to run it anyway` : problem.hint;
  return new UsageError(
    problemText(problem, (name) => `--${name}`),
    hint,
  );
}

/** Something failed while running: exit 1. `cause` keeps the original error for --debug. */
export class RunError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'the folder does not exist (any more)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOTEMPTY: 'it is a folder',
  EEXIST: 'a file of that name is in the way',
  ENAMETOOLONG: 'the name is too long',
};

/** A file-system error in words, without Node's "ENOENT: ..., open '/x/.y.tmp'" noise. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}
