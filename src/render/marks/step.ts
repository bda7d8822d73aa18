/** pyplot.step: a plot drawn as steps ('post': the value holds until the next x; 'pre': from the previous x). */
import type { StepMark } from '../../data/types.js';
import { plotModule } from './plot.js';
import type { MarkModule } from './types.js';

const asPlot = (m: StepMark) => {
  const { where, ...rest } = m;
  return { ...rest, kind: 'plot' as const, drawstyle: where === 'post' ? ('steps-post' as const) : ('steps-pre' as const) };
};

export const stepModule: MarkModule<StepMark> = {
  zorder: 2,
  cycle: 'line',
  extent: (m) => plotModule.extent(asPlot(m)),
  legend: (m, color) => plotModule.legend(asPlot(m), color),
  csvRows: (m) => plotModule.csvRows(asPlot(m)),
  json: (m) => ({ ...m }),
  nonFinite: (m) => plotModule.nonFinite(asPlot(m)),
  obstacles: (m) => plotModule.obstacles(asPlot(m)),
  draw: (m, color, env) => plotModule.draw(asPlot(m), color, env),
};
