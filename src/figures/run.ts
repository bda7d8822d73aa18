/**
 * A figure's data from parsed parameters: the one path the CLI and the library share. A cache
 * given to simulateAndDraw() keeps each distinct simulation, so figures that differ only in
 * plot-only parameters or size (slide variants) are simulated once.
 */
import { findFigure } from './registry.js';
import type { BuildContext, FigureModule, Params, Simulation } from './spec.js';
import type { FigureData } from '../data/types.js';

/** Simulations by figure and simulation key; one per `snn-figs all`, say. */
export type SimulationCache = Map<string, Simulation>;

function cacheKey(module: FigureModule, params: Params): string {
  return `${module.name} ${module.simulationKey(params)}`;
}

/** Whether the cache already holds the simulation these parameters need. */
export function isSimulated(cache: SimulationCache, module: FigureModule, params: Params): boolean {
  return cache.has(cacheKey(module, params));
}

export async function simulateAndDraw(figure: FigureModule | string, params: Params, ctx: BuildContext = {}, cache?: SimulationCache): Promise<FigureData> {
  const module = typeof figure === 'string' ? findFigure(figure) : figure;
  if (!module) throw new Error(`no figure '${String(figure)}'`);
  const key = cacheKey(module, params);
  let simulation = cache?.get(key);
  if (!simulation) {
    simulation = await module.simulate(params, ctx);
    cache?.set(key, simulation);
  }
  return simulation.draw(params);
}
