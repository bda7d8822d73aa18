#!/usr/bin/env node
/**
 * Weeks 4, 7, 9 and `tuning-curve --rng numpy`: how long snn-figs takes to compute each figure
 * (simulate, no drawing) with --rng numpy and with --rng fast, beside the course's own Python
 * (the reference scripts under ../shared/reference/course-scripts, /usr/bin/python3: Brian2 2.5.1
 * numpy target, numpy 1.24, scipy 1.10). Best of 3 in this process; Python's time is what each
 * script reports for its cell (week 4 and the tuning curve: Brian2 set-up and run; weeks 7/9: the
 * numpy cell including matplotlib's plotting calls, which are cheap beside savefig).
 *
 *   npx tsc -p tsconfig.json && node bench/week479-rng.mjs [figure ...]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { findFigure } = await import(join(root, 'dist/figures/registry.js'));
const { parseParams } = await import(join(root, 'dist/options/parse.js'));
const scripts = process.env.COURSE_SCRIPTS ?? join(root, '../shared/reference/course-scripts');

const CASES = [
  ['stdp-latency', {}, 'week4_stdp-latency.py', []],
  ['stdp-correlated', {}, 'week4_stdp-correlated.py', []],
  ['decision-random-walk', { n: '1000' }, 'week7_decision-random-walk.py', ['--n', '1000']],
  ['reaction-times', {}, 'week7_reaction-times.py', []],
  ['analogue-vs-digital', {}, 'week9_analogue-vs-digital.py', []],
  ['spike-vs-rate', {}, 'week9_spike-vs-rate.py', []],
  ['coincidence-rank-code', {}, 'week9_coincidence-rank-code.py', []],
  ['tuning-curve', { n: '200', points: '5' }, 'week2_tuning_numpy.py', ['--n', '200', '--points', '5']],
];
const only = process.argv.slice(2);

async function bestOf(run, repeats = 3) {
  let best = Infinity;
  for (let k = 0; k < repeats; k++) {
    const t0 = process.hrtime.bigint();
    await run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

/** The script's stderr, where it reports the seconds of its cell. */
function pythonReport(script, args) {
  const dir = mkdtempSync(join(tmpdir(), 'snn-figs-bench-'));
  try {
    return spawnSync('/usr/bin/python3', [join(scripts, script), join(dir, 'o.png'), ...args], { encoding: 'utf8' }).stderr ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('figure                 --rng numpy   --rng fast   Python (course script)');
for (const [name, given, script, args] of CASES) {
  if (only.length && !only.includes(name)) continue;
  const fig = findFigure(name);
  const seconds = {};
  for (const rng of ['numpy', 'fast']) {
    const { params } = parseParams(fig, { ...given, rng });
    seconds[rng] = await bestOf(() => fig.simulate(params, {}));
  }
  const stderr = pythonReport(script, args);
  const m = /(brian2|numpy\+plot) seconds: ([\d.]+)/.exec(stderr);
  const py = m ? `${Number(m[2]).toFixed(3)} s (${m[1]})` : 'n/a';
  console.log(`${name.padEnd(22)} ${seconds.numpy.toFixed(3).padStart(9)} s ${seconds.fast.toFixed(3).padStart(9)} s   ${py}`);
}
