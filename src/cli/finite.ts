/** A figure with NaN or Infinity is refused before anything is written (exit 1). */
import type { FigureData } from '../data/types.js';
import { nonFiniteProblem } from '../export/finite.js';
import { RunError } from './errors.js';

export function assertFinite(data: FigureData): void {
  const problem = nonFiniteProblem(data);
  if (problem) throw new RunError(problem.message, problem.hint);
}
