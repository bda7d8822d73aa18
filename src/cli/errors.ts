/** The two kinds of failure a user can meet, and their exit codes. */

/** The command line is wrong: exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Something failed while running: exit 1. */
export class RunError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
