#!/usr/bin/env node
/**
 * How many of the port's numbers are bit-identical to numpy 1.24's own (glibc libm under it),
 * over millions of draws, and how many would be with V8's Math.log / Math.exp instead of the
 * glibc-equivalent ones. The port draws in bulk through the WebAssembly module as the figures
 * do, or with `--ts` through the TypeScript alone.
 *
 *   npm run build && node bench/numpy-identity.mjs [millions of normals, default 10] [--ts]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWasm } from '../dist/io/wasm.js';
import { RandomState, log, exp, useNumpyWasm } from '../dist/sim/numpy/index.js';

const args = process.argv.slice(2);
const tsOnly = args.includes('--ts');
if (!tsOnly) useNumpyWasm(readWasm);
const MILLIONS = Number(args.find((a) => a !== '--ts') ?? 10);
if (!Number.isInteger(MILLIONS) || MILLIONS < 1 || MILLIONS > 100) throw new RangeError('an integer number of millions in [1, 100]');
const N = MILLIONS * 1e6;
const SEEDS = [1, 21303, 4294967295];
const dir = mkdtempSync(join(tmpdir(), 'numpy-identity-'));

function numpyDraws(seed, expr, file) {
  const code = `import numpy as np\nrs = np.random.RandomState(${seed})\n(${expr}).astype('<f8').tofile(${JSON.stringify(file)})`;
  execFileSync('/usr/bin/python3', ['-c', code]);
  const bytes = readFileSync(file);
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

function same(ours, theirs) {
  let equal = 0;
  for (let k = 0; k < theirs.length; k++) if (Object.is(ours[k], theirs[k])) equal++;
  return equal;
}

const rows = [];
const P = [1 / 3 + 0.05, 1 / 3 - 0.025, 1 / 3 - 0.025];
const CASES = [
  ['rand', N, (rs) => rs.rand(N), `rs.rand(${N})`],
  ['randn', N, (rs) => rs.randn(N), `rs.randn(${N})`],
  ['choice([1,0,-1], p)', N, (rs) => rs.choice([1, 0, -1], N, P), `rs.choice([1, 0, -1], ${N}, p=(${P.join(', ')})).astype(float)`],
  ['standard_exponential', N / 5, (rs) => rs.standardExponential(N / 5), `rs.standard_exponential(${N / 5})`],
  ['exponential(20)', N / 5, (rs) => rs.exponential(20, N / 5), `rs.exponential(20, ${N / 5})`],
  ['poisson(20) (PTRS)', N / 10, (rs) => rs.poisson(20, N / 10), `rs.poisson(20, ${N / 10}).astype(float)`],
  ['poisson(1234.5) (PTRS)', N / 10, (rs) => rs.poisson(1234.5, N / 10), `rs.poisson(1234.5, ${N / 10}).astype(float)`],
  ['poisson(3) (products)', N / 10, (rs) => rs.poisson(3, N / 10), `rs.poisson(3, ${N / 10}).astype(float)`],
];
try {
  for (const seed of SEEDS) {
    for (const [name, count, ours, python] of CASES) {
      const theirs = numpyDraws(seed, python, join(dir, 'draws.f8'));
      const mine = ours(new RandomState(seed));
      const equal = same(mine, theirs);
      rows.push({ seed, draws: name, values: count, 'bit-identical': equal, fraction: (equal / count).toFixed(9) });
    }
  }
  console.log(
    `numpy ${execFileSync('/usr/bin/python3', ['-c', 'import numpy; print(numpy.__version__)']).toString().trim()} vs the port (${tsOnly ? 'TypeScript only' : 'bulk draws in WebAssembly'})`,
  );
  console.table(rows);

  // The same inputs through V8's Math.log / Math.exp: what the port would lose without its own libm.
  const rs = new RandomState(1);
  const u = rs.rand(2 * N);
  let r2Count = 0;
  let logDiff = 0;
  for (let k = 0; k < N; k++) {
    const x1 = 2 * u[2 * k] - 1;
    const x2 = 2 * u[2 * k + 1] - 1;
    const r2 = x1 * x1 + x2 * x2;
    if (r2 >= 1 || r2 === 0) continue;
    r2Count++;
    if (Math.log(r2) !== log(r2)) logDiff++;
  }
  let expDiff = 0;
  for (let k = 0; k < N; k++) {
    const x = -10 * u[k];
    if (Math.exp(x) !== exp(x)) expDiff++;
  }
  console.table([
    { function: 'Math.log vs glibc log on the polar method r²', inputs: r2Count, differ: logDiff, fraction: (logDiff / r2Count).toFixed(6) },
    { function: 'Math.exp vs glibc exp on (−10, 0]', inputs: N, differ: expDiff, fraction: (expDiff / N).toFixed(6) },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
