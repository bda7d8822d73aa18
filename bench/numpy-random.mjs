#!/usr/bin/env node
/**
 * Speed of the numpy RandomState port beside numpy's own (numpy 1.24 under /usr/bin/python3):
 * rand, randn, and choice([1, 0, -1], p) with 10 M draws each, best of 3 runs, one thread, in
 * CPU seconds (both sides: the machine may be shared). The port draws in bulk through the
 * WebAssembly module (dist/wasm/numpy-random.wasm) as the figures do, and with `--ts` through
 * the TypeScript alone (the same numbers).
 *
 *   npm run build && node bench/numpy-random.mjs [draws] [--ts]
 */
import { execFileSync } from 'node:child_process';
import { readWasm } from '../dist/io/wasm.js';
import { RandomState, useNumpyWasm } from '../dist/sim/numpy/index.js';

const args = process.argv.slice(2);
const tsOnly = args.includes('--ts');
const DRAWS = Number(args.find((a) => a !== '--ts') ?? 1e7);
if (!tsOnly) useNumpyWasm(readWasm);
if (!Number.isInteger(DRAWS) || DRAWS < 1 || DRAWS > 2 ** 30) throw new RangeError('draws: an integer in [1, 2**30]');
const P = [1 / 3 + 0.05, 1 / 3 - 0.025, 1 / 3 - 0.025];
const REPEATS = 3;

const CASES = {
  'rand(n)': (rs) => rs.rand(DRAWS),
  'randn(n)': (rs) => rs.randn(DRAWS),
  'choice([1,0,-1], n, p)': (rs) => rs.choice([1, 0, -1], DRAWS, P),
};
const PYTHON = {
  'rand(n)': 'rs.rand(N)',
  'randn(n)': 'rs.randn(N)',
  'choice([1,0,-1], n, p)': `rs.choice([1, 0, -1], N, p=(${P.join(', ')}))`,
};

function bestOf(run) {
  let best = Infinity;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(t0);
    best = Math.min(best, (user + system) / 1e6);
  }
  return best;
}

function numpySeconds(expr) {
  const code = [
    'import time, numpy as np',
    `N = ${DRAWS}`,
    'rs = np.random.RandomState(1)',
    'best = float("inf")',
    `for _ in range(${REPEATS}):`,
    '    t0 = time.process_time()',
    `    ${expr}`,
    '    best = min(best, time.process_time() - t0)',
    'print(best)',
  ].join('\n');
  return Number(execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' }).trim());
}

const rows = [];
for (const [name, run] of Object.entries(CASES)) {
  const rs = new RandomState(1);
  const ours = bestOf(() => run(rs));
  const numpy = numpySeconds(PYTHON[name]);
  rows.push({
    call: name,
    'snn-figs s': ours.toFixed(3),
    'numpy s': numpy.toFixed(3),
    ratio: (ours / numpy).toFixed(2),
    'M draws/s (ours)': (DRAWS / ours / 1e6).toFixed(1),
  });
}
console.log(`${DRAWS} draws each, best of ${REPEATS} in CPU seconds, Node ${process.version}, ${tsOnly ? 'TypeScript only' : 'WebAssembly bulk path'}`);
console.table(rows);
