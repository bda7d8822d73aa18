// Calibrates the output part of the cost model: renderFigure's CPU seconds per format for
// figures of two sizes (numbers recorded, pixels). node bench/output-calibration.mjs
import { FIGURES } from '../dist/figures/registry.js';
import { simulateAndDraw as buildFigure } from '../dist/figures/run.js';
import { parseParams } from '../dist/options/parse.js';
import { renderFigure } from '../dist/api/render.js';

const CASES = [
  ['coincidence', { duration: '100ms' }],
  ['coincidence', { duration: '20000ms' }],
  ['reliable-spike-timing', {}],
  ['stdp-correlated', {}],
  ['spike-vs-rate', { points: '100000' }],
  ['population', { n: '100', points: '10000' }],
];
const SIZES = [
  [undefined, undefined],
  [[16, 9], 300],
];
const fmt = process.argv[2] ? process.argv[2].split(',') : ['png', 'svg', 'pdf', 'json', 'csv'];
for (const [name, given] of CASES) {
  const fig = FIGURES.find((f) => f.name === name);
  const { params } = parseParams(fig, given);
  const cost = fig.cost(params);
  const data = await buildFigure(fig, params, { threads: 1 });
  for (const format of fmt)
    for (const [figsize, dpi] of format === 'png' ? SIZES : [SIZES[0]]) {
      const start = process.cpuUsage();
      const bytes = await renderFigure(data, format, { figsize, dpi });
      const { user, system } = process.cpuUsage(start);
      const [w, h] = figsize ?? fig.figsize;
      const pixels = w * h * (dpi ?? fig.dpi) ** 2;
      console.log(
        `${name.padEnd(24)} ${JSON.stringify(given).padEnd(24)} ${format} samples ${cost.samples} pixels ${pixels.toExponential(1)} cpu ${((user + system) / 1e6).toFixed(3)} s bytes ${bytes.length}`,
      );
    }
}
