/**
 * The last guard against a NaN figure: the checks refuse the parameter sets known to break a
 * model, but a huge weight can still overflow. A figure with NaN or Infinity is not written.
 */
import { findNonFinite } from '../export/index.js';
import type { FigureData } from '../figures/types.js';
import { RunError } from './errors.js';

export function assertFinite(data: FigureData): void {
  const bad = findNonFinite(data.panels);
  if (bad === undefined) return;
  const name = bad.field === 'yErr' ? 'error' : bad.field;
  throw new RunError(
    `${data.figure}: the simulation produced ${bad.value} in the ${name} values of '${bad.mark}' (panel '${bad.panel}'); no file written`,
    'a parameter is out of a sensible range (a huge --w?), or --dt is too coarse',
  );
}
