// Calibrates the output part of the cost model (src/options/cost-time.ts): renderFigure's CPU
// seconds per format, for every figure and slide variant at its notebook size and at 3× its dpi,
// against the estimate drawingSeconds makes from what render/drawn-work.js counts in the data.
// CPU time (user + system): less sensitive to the machine's other load than wall time; the
// fastest of three runs. Run after `npm run build`: node bench/output-calibration.mjs [figure...]
import { FIGURES } from '../dist/figures/registry.js';
import { simulateAndDraw as buildFigure } from '../dist/figures/run.js';
import { parseParams } from '../dist/options/parse.js';
import { renderFigure } from '../dist/api/render.js';
import { drawnWork } from '../dist/render/drawn-work.js';
import { drawingSeconds } from '../dist/options/cost-time.js';
import { readWasm } from '../dist/io/wasm.js';
import { threadPool } from '../dist/workers/pool.js';

const cpu = (start) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

/** A variant's arguments as parameters and a size. */
function variant(args) {
  const params = {};
  let figsize;
  for (let k = 0; k < args.length; k += 2)
    if (args[k] === '--figsize') figsize = args[k + 1].split('x').map(Number);
    else params[args[k].slice(2)] = args[k + 1];
  return { params, figsize };
}

const only = process.argv.slice(2);
for (const fig of FIGURES) {
  if (only.length && !only.includes(fig.name)) continue;
  for (const [label, args] of [[fig.name, []], ...fig.variants.map((v) => [v.name, v.args])]) {
    const { params, figsize = fig.figsize } = variant(args);
    const data = await buildFigure(fig, parseParams(fig, params).params, { pool: threadPool(1), wasm: readWasm });
    for (const [format, dpi] of [
      ['png', fig.dpi],
      ['png', 3 * fig.dpi],
      ['svg', fig.dpi],
      ['pdf', fig.dpi],
    ]) {
      let measured = Infinity;
      for (let k = 0; k < 3; k++) {
        const start = process.cpuUsage();
        await renderFigure(data, format, { figsize, dpi });
        measured = Math.min(measured, cpu(start));
      }
      const work = { ...drawnWork(data, figsize, dpi), panels: data.panels.length };
      const estimate = drawingSeconds(work, format, { dpi, pixels: format === 'png' ? figsize[0] * figsize[1] * dpi * dpi : 0 });
      console.log(
        `${label.padEnd(32)} ${format} ${String(dpi).padStart(4)} dpi  measured ${measured.toFixed(3)} s  estimated ${estimate.toFixed(3)} s  ratio ${(estimate / measured).toFixed(2)}  ${JSON.stringify(work)}`,
      );
    }
  }
}
process.exit(0);
