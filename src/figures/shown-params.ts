/** Parameters as FigureData shows them: times in ms, quantities in their display unit, with the units beside them. */
import { toMs } from './common.js';
import type { ParamSpec } from '../options/params.js';
import { numberAt, numbersAt } from './run-rules.js';
import type { Params } from './spec.js';
import type { FigureData, ParamValue } from '../data/types.js';
import { DIMENSIONS, inDisplayUnit } from '../options/dimensions.js';

export function shownParams(specs: readonly ParamSpec[], p: Params): Pick<FigureData, 'params' | 'paramUnits'> {
  const params: Record<string, ParamValue> = {};
  const paramUnits: Record<string, string> = {};
  for (const spec of specs) {
    if (spec.kind === 'time') {
      params[spec.name] = toMs(numberAt(p, spec.name));
      paramUnits[spec.name] = 'ms';
    } else if (spec.kind === 'times') {
      params[spec.name] = numbersAt(p, spec.name).map(toMs);
      paramUnits[spec.name] = 'ms';
    } else if (spec.kind === 'quantity' && spec.dimension) {
      params[spec.name] = inDisplayUnit(spec.dimension, numberAt(p, spec.name));
      paramUnits[spec.name] = DIMENSIONS[spec.dimension].display;
    } else params[spec.name] = p[spec.name];
  }
  return { params, paramUnits };
}
