/** Runs a figure module and stamps the parameters on its data, as the user sees them. */
import { toMs } from './common.js';
import type { BuildContext, FigureModule, Params } from './spec.js';
import type { FigureData, ParamValue } from './types.js';

/** Parameters for FigureData: times in ms, with their units beside them. */
export function displayParams(module: FigureModule, p: Params): Pick<FigureData, 'params' | 'paramUnits'> {
  const params: Record<string, ParamValue> = {};
  const paramUnits: Record<string, string> = {};
  for (const spec of module.params) {
    const value = p[spec.name];
    if (spec.kind === 'time') {
      params[spec.name] = toMs(value as number);
      paramUnits[spec.name] = 'ms';
    } else if (spec.kind === 'times') {
      params[spec.name] = (value as number[]).map(toMs);
      paramUnits[spec.name] = 'ms';
    } else {
      params[spec.name] = value;
    }
  }
  return { params, paramUnits };
}

export async function makeFigure(module: FigureModule, p: Params, ctx: BuildContext = {}): Promise<FigureData> {
  const data = await module.build(p, ctx);
  return { ...data, figure: module.name, ...displayParams(module, p) };
}
