/**
 * The last guard against a NaN figure: the checks refuse the parameter sets known to break a
 * model, but a huge weight can still overflow. A figure with NaN or Infinity is not written.
 */
import type { FigureData } from '../data/types.js';
import { findNonFinite } from '../render/marks/index.js';
import { findFigure } from '../figures/registry.js';

/** Why `data` must not be written (a NaN or an infinity, named), or undefined when every number is finite. */
export function nonFiniteProblem(data: FigureData): { message: string; hint: string } | undefined {
  const bad = findNonFinite(data.panels);
  if (bad === undefined) return undefined;
  const name = bad.field === 'yErr' ? 'error' : bad.field;
  return {
    message: `${data.figure}: the simulation produced ${bad.value} in the ${name} values of '${bad.mark}' (panel '${bad.panel}'); no file written`,
    hint: blowUpHint(findFigure(data.figure)?.params.map((p) => p.name) ?? []),
  };
}

/** Where a blow-up usually comes from, naming only parameters the figure has. */
function blowUpHint(params: readonly string[]): string {
  const weight = params.find((o) => o === 'w' || o === 'we' || o === 'gain');
  return `a parameter is out of a sensible range${weight ? ` (a huge --${weight}?)` : ''}${params.includes('dt') ? ', or --dt is too coarse' : ''}`;
}
