/**
 * The last guard against a NaN figure: the checks refuse the parameter sets known to break a
 * model, but a huge weight can still overflow. A figure with NaN or Infinity is not written.
 */
import { findNonFinite } from '../export/index.js';
import type { FigureData } from '../figures/types.js';
import { RunError } from './errors.js';
import { findFigure } from '../figures/registry.js';

export function assertFinite(data: FigureData): void {
  const bad = findNonFinite(data.panels);
  if (bad === undefined) return;
  const name = bad.field === 'yErr' ? 'error' : bad.field;
  throw new RunError(
    `${data.figure}: the simulation produced ${bad.value} in the ${name} values of '${bad.mark}' (panel '${bad.panel}'); no file written`,
    blowUpHint(findFigure(data.figure)?.params.map((p) => p.name) ?? []),
  );
}

/** Where a blow-up usually comes from, naming only options the figure has. */
function blowUpHint(options: readonly string[]): string {
  const weight = options.find((o) => o === 'w' || o === 'we' || o === 'gain');
  return `a parameter is out of a sensible range${weight ? ` (a huge --${weight}?)` : ''}${options.includes('dt') ? ', or --dt is too coarse' : ''}`;
}
