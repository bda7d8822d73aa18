/**
 * Problems with a set of parameters, as data: the options layer finds them, each client words
 * the parameter its own way (the CLI as `--tau`, the library as `tau`, a page beside its control).
 */

export interface Problem {
  /** The parameter at fault, by option name (`tau-x`); none for a problem of the whole run (its cost). */
  param?: string;
  /** What is wrong, without the parameter's name: `must be > 0 ms, got -1 ms`. */
  message: string;
  /** What to do about it, said on its own line after an error. */
  hint?: string;
  /** Warnings are told and the figure is still made. */
  warning?: boolean;
  /** The run is only too large: the client's force switch (`--force`, `{ force: true }`) runs it anyway. */
  forcible?: boolean;
}

/** A refused parameter set: thrown by the parsers and the cost check, caught by each client. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.param === undefined ? problem.message : `${problem.param} ${problem.message}`);
  }
}

/** A problem's message with the parameter named by `name` (`--tau` on the command line, `tau` in the library). */
export function problemText(problem: Problem, name: (param: string) => string): string {
  return problem.param === undefined ? problem.message : `${name(problem.param)} ${problem.message}`;
}
