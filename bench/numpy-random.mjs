#!/usr/bin/env node
/**
 * Speed of the numpy RandomState port beside numpy's own (numpy 1.24 under /usr/bin/python3):
 * rand, randn, and choice([1, 0, -1], p) with 10 M draws each, best of 3 runs, one thread.
 *
 *   npx tsc -p tsconfig.json && node bench/numpy-random.mjs [draws]
 */
import { execFileSync } from 'node:child_process';
import { RandomState } from '../dist/sim/numpy/index.js';

const DRAWS = Number(process.argv[2] ?? 1e7);
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
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
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
    '    t0 = time.perf_counter()',
    `    ${expr}`,
    '    best = min(best, time.perf_counter() - t0)',
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
console.log(`${DRAWS} draws each, best of ${REPEATS}, Node ${process.version}`);
console.table(rows);
