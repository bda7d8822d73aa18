/**
 * The last guard against a NaN figure: the checks refuse the parameter sets known to break a
 * model, but a huge weight can still overflow. A figure with NaN or Infinity is not written.
 */
import type { FigureData } from '../figures/types.js';
import { RunError } from './errors.js';

export function assertFinite(data: FigureData): void {
  for (const panel of data.panels)
    for (const s of panel.series)
      for (const [name, values] of [['x', s.x], ['y', s.y], ['error', s.yErr ?? []]] as const) {
        const bad = values.find((v) => !Number.isFinite(v));
        if (bad !== undefined)
          throw new RunError(
            `${data.figure}: the simulation produced ${bad} in the ${name} values of '${s.id}' (panel '${panel.id}'); no file written`,
            'a parameter is out of a sensible range (a huge --w?), or --dt is too coarse',
          );
      }
}
