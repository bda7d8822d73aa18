#!/usr/bin/env node
// `make bench`: the tuning curve, snn-figs against Brian2, on this machine in one go.
//
//   snn-figs tuning-curve with the defaults, process start to file written (best of 3),
//     also on one thread and with the TypeScript kernel (no WebAssembly) for the profile;
//   Brian2's seed formulation: the notebook's firing_rate(), one network per δt, numpy target;
//   Brian2's fastest formulation: one network for all δt, cython target, after one run that
//     fills its compiled-code cache;
//   the same network on Brian2's cpp_standalone device with OpenMP on every core: the whole
//     process (import, code generation, compilation, run) and then the compiled binary alone;
//   snn-figs with --n 100000 and --n 1000000, to show how the cost grows.
//
// Wall time and peak memory (max RSS) come from /usr/bin/time -v (Debian package `time`);
// without it only wall times are shown. Brian2 rows are skipped with a note when
// /usr/bin/python3 cannot import brian2 (Debian: apt-get install python3-brian).
//
// Options: --quick (skip --n 1000000), --no-brian, --no-standalone, --repeat K (runs per
// snn-figs row, default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noBrian = args.includes('--no-brian');
const noStandalone = args.includes('--no-standalone');
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3;
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const work = mkdtempSync(join(tmpdir(), 'snn-figs-bench-'));
const log = (s) => process.stderr.write(`bench: ${s}\n`);

/** Runs a command; returns wall seconds, peak RSS in MB (or undefined) and stdout. */
function measure(cmd, cmdArgs, env = {}, cwd = root) {
  const full = hasTime ? [TIME, ['-v', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  let rss;
  let elapsed = wall;
  if (hasTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (kb) rss = Number(kb[1]) / 1024;
    const el = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    if (el) elapsed = Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]);
  }
  return { wall: elapsed, rss, stdout: r.stdout };
}

/** Best of `k` runs (the least disturbed by other processes), with that run's memory. */
function best(k, fn) {
  let top;
  for (let i = 0; i < k; i++) {
    const m = fn();
    if (!top || m.wall < top.wall) top = m;
  }
  return top;
}

const rows = [];
const notes = [];
const snn = (extra, env) => () => measure(process.execPath, ['bin/snn-figs', 'tuning-curve', '--quiet', '--out', join(work, 'tc.json'), ...extra], env);

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  log('building (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const wasm = existsSync(join(root, 'dist', 'wasm', 'noisy-lif.wasm'));
if (!wasm) notes.push('dist/wasm/noisy-lif.wasm is not built (no clang/lld): snn-figs ran its TypeScript kernel.');

log(`snn-figs defaults (best of ${repeat})`);
rows.push({ name: `snn-figs tuning-curve (defaults, ${availableParallelism()} threads)`, key: 'ours', ...best(repeat, snn([])) });
log('snn-figs defaults, --threads 1');
rows.push({ name: 'snn-figs, --threads 1', ...best(repeat, snn(['--threads', '1'])) });
log('snn-figs defaults, TypeScript kernel');
rows.push({ name: 'snn-figs, TypeScript kernel (SNN_FIGS_KERNEL=ts)', ...best(repeat, snn([], { SNN_FIGS_KERNEL: 'ts' })) });

let brian = !noBrian;
if (brian) {
  const probe = spawnSync(PYTHON, ['-c', 'import brian2'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    brian = false;
    notes.push(`Brian2 rows skipped: ${PYTHON} cannot import brian2 (Debian: apt-get install -y python3-brian).`);
  }
} else {
  notes.push('Brian2 rows skipped (--no-brian).');
}
const script = join(root, 'bench', 'brian2_tuning.py');
if (brian) {
  try {
    log('Brian2 seed formulation (numpy target, one network per δt): about 35 s');
    rows.push({ name: 'Brian2, seed formulation (numpy, one network per δt)', key: 'seed', ...measure(PYTHON, [script, 'seed']) });
  } catch (e) {
    notes.push(`Brian2 seed formulation failed: ${e.message}`);
  }
  try {
    log('Brian2 fastest formulation: warming the cython cache');
    measure(PYTHON, [script, 'fastest', '--warm']);
    log('Brian2 fastest formulation (cython target, one network for all δt)');
    rows.push({ name: 'Brian2, fastest formulation (cython, one network, warm cache)', key: 'fastest', ...measure(PYTHON, [script, 'fastest']) });
  } catch (e) {
    notes.push(`Brian2 cython target not usable here (needs a C compiler and Cython: apt-get install -y build-essential cython3): ${e.message}`);
  }
  if (noStandalone) {
    notes.push('Brian2 cpp_standalone rows skipped (--no-standalone).');
  } else {
    const dir = join(work, 'brian2-standalone');
    try {
      const cores = availableParallelism();
      log(`Brian2 cpp_standalone, OpenMP on ${cores} cores: code generation and compilation take a minute`);
      rows.push({
        name: `Brian2, cpp_standalone + OpenMP (${cores} threads): whole process`,
        key: 'standalone',
        ...measure(PYTHON, [script, 'standalone', '--dir', dir, '--threads', String(cores)]),
      });
      log('Brian2 cpp_standalone: the compiled binary alone');
      rows.push({
        name: `Brian2, cpp_standalone + OpenMP (${cores} threads): the binary alone`,
        key: 'binary',
        ...best(repeat, () => measure(join(dir, 'main'), [], {}, dir)),
      });
    } catch (e) {
      notes.push(`Brian2 cpp_standalone not usable here (needs g++ and make): ${e.message}`);
    }
  }
}

log('snn-figs --n 100000');
rows.push({ name: 'snn-figs --n 100000 (10× the work)', scale: 10, ...snn(['--n', '100000'])() });
if (!quick) {
  log('snn-figs --n 1000000 (a few minutes)');
  rows.push({ name: 'snn-figs --n 1000000 (100× the work)', scale: 100, ...snn(['--n', '1000000'])() });
} else {
  notes.push('--quick: --n 1000000 not run.');
}
rmSync(work, { recursive: true, force: true });

// Inner timings of Brian2 (simulation without interpreter start and import).
for (const r of rows) {
  if (!r.key || r.key === 'ours' || r.key === 'binary') continue;
  try {
    const j = JSON.parse(r.stdout.trim().split('\n').pop());
    r.inner = `import ${j.import_s.toFixed(1)} s, build + run ${j.simulate_s.toFixed(1)} s`;
  } catch {
    // no JSON line
  }
}

const ours = rows.find((r) => r.key === 'ours');
const fastest = rows.find((r) => r.key === 'fastest');
const seed = rows.find((r) => r.key === 'seed');
const standalone = rows.find((r) => r.key === 'standalone');
const binary = rows.find((r) => r.key === 'binary');
const fmt = (x, d = 2) => (x === undefined ? '–' : x.toFixed(d));
const ratio = (ref, r) => (ref ? `${(ref.wall / r.wall).toFixed(1)}×` : '–');

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push(
  `Tuning curve (defaults: 41 δt × 10,000 neurons × 2,000 steps = 820 M Euler–Maruyama updates) on ${availableParallelism()} cores (${cpu}), Node ${process.versions.node}; ${wasm ? 'WebAssembly SIMD kernel' : 'TypeScript kernel'}.`,
);
lines.push('');
lines.push('| run | wall (s) | peak memory (MB) | Brian2 fastest ÷ this | Brian2 seed ÷ this | notes |');
lines.push('|---|---:|---:|---:|---:|---|');
for (const r of rows) {
  let note = r.inner ?? '';
  if (r.scale && ours) note = `${fmt(r.wall / ours.wall / r.scale, 2)} × linear (wall ÷ (${r.scale} × defaults))`;
  lines.push(`| ${r.name} | ${fmt(r.wall)} | ${fmt(r.rss, 0)} | ${ratio(fastest, r)} | ${ratio(seed, r)} | ${note} |`);
}
if (ours) {
  const against = [
    [fastest, 'Brian2 cython (fastest formulation)'],
    [binary, 'the cpp_standalone binary alone'],
    [standalone, 'the whole cpp_standalone process'],
  ].filter(([r]) => r);
  if (against.length) {
    lines.push('');
    lines.push(`snn-figs (defaults): ${against.map(([r, what]) => `${(r.wall / ours.wall).toFixed(1)}× faster than ${what}`).join('; ')}.`);
  }
}
if (notes.length) {
  lines.push('');
  for (const n of notes) lines.push(`- ${n}`);
}
const load = loadavg()[0];
lines.push('');
lines.push(
  `- Wall: process start to file written (snn-figs: best of ${repeat}; others: one run). Peak memory: max RSS ${hasTime ? 'from /usr/bin/time -v' : 'not measured (/usr/bin/time missing: apt-get install time)'}.`,
);
lines.push(`- Load average at the end: ${load.toFixed(2)}${load > 0.5 ? ' — other processes were running, times are pessimistic' : ''}.`);
process.stdout.write(`${lines.join('\n')}\n`);
