/**
 * Child process for tests/robust-estimates.test.ts: builds figures (and renders them) in this
 * process and prints the CPU seconds each took, one JSON line per case. CPU time (user +
 * system of this process, worker threads included) is what the cost model estimates; wall time
 * would measure the machine's other load.
 * Input: argv[2] is a JSON array of { figure, params, format? }. It runs the build (dist/), as
 * the CLI does: sources through a transpiler would measure the transpiler too.
 */
import { parseParams } from '../../dist/options/parse.js';
import { renderFigure } from '../../dist/api/render.js';
import { findFigure } from '../../dist/figures/registry.js';
import { simulateAndDraw as buildFigure } from '../../dist/figures/run.js';
import { readWasm } from '../../dist/io/wasm.js';
import { threadPool } from '../../dist/workers/pool.js';

/** As the CLI builds with --threads 1: the tuning curve's conditions in one worker, with the WebAssembly kernel. */
const context = () => ({ pool: threadPool(1), wasm: readWasm });

function cpu(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

const cases = JSON.parse(process.argv[2]);
const warmed = new Set();
for (const c of cases) {
  const fig = findFigure(c.figure);
  // The first build of a figure compiles its code paths; a CLI run pays that too, but once.
  if (!warmed.has(c.figure)) {
    await buildFigure(fig, parseParams(fig, {}).params, context());
    warmed.add(c.figure);
  }
  const { params } = parseParams(fig, c.params);
  // The faster of two runs: a collection or a compilation that lands in one is not the model's.
  let simulate = Infinity;
  let output = c.format ? Infinity : undefined;
  for (let k = 0; k < 2; k++) {
    let start = process.cpuUsage();
    const data = await buildFigure(fig, params, context());
    simulate = Math.min(simulate, cpu(start));
    if (!c.format) continue;
    start = process.cpuUsage();
    await renderFigure(data, c.format);
    output = Math.min(output, cpu(start));
  }
  process.stdout.write(`${JSON.stringify({ ...c, simulate, output })}\n`);
}
