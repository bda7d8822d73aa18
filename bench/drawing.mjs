#!/usr/bin/env node
// `make bench`: drawing speed, against the targets of a 2-core machine.
//
//   snn-figs all --format png,svg      every figure and slide variant, PNG and SVG: ≤ 5 s wall
//   snn-figs reliable-spike-timing     one PNG of 52 traces of 10 000 samples:      ≤ 0.6 s wall
//
// Each command runs --repeat K times (default 3), process start to exit; the median is shown
// with its CPU seconds (user + system) and peak memory from /usr/bin/time -v (Debian package
// `time`; without it, wall time only). On a machine busy with other work the wall time says
// little: the CPU seconds are the better guide there, and the load average is printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3;
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const work = mkdtempSync(join(tmpdir(), 'snn-figs-bench-'));
const cli = join(root, 'bin', 'snn-figs');

/** One run: wall seconds (our clock), CPU seconds and peak MB (from time -v, if there). */
function measure(cliArgs) {
  const cmd = hasTime ? [TIME, ['-v', process.execPath, cli, ...cliArgs]] : [process.execPath, [cli, ...cliArgs]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`snn-figs ${cliArgs.join(' ')} failed (${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  const field = (name) => {
    const m = new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr ?? '');
    return m ? Number(m[1]) : undefined;
  };
  const user = field('User time \\(seconds\\)');
  const sys = field('System time \\(seconds\\)');
  const kb = field('Maximum resident set size \\(kbytes\\)');
  return { wall, cpu: user === undefined || sys === undefined ? undefined : user + sys, mb: kb === undefined ? undefined : kb / 1024 };
}

const median = (values) => {
  const v = values.filter((x) => x !== undefined).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : undefined;
};

const rows = [
  { name: 'all --format png,svg', args: ['all', '--format', 'png,svg', '--out-dir', join(work, 'all'), '--quiet'], target: 5 },
  { name: 'reliable-spike-timing png', args: ['reliable-spike-timing', '--out', join(work, 'rst.png'), '--quiet'], target: 0.6 },
];

const [l1] = loadavg();
console.log(
  `drawing: median of ${repeat} runs, ${availableParallelism()} cores, load average ${l1.toFixed(1)}${hasTime ? '' : ' (no /usr/bin/time: wall only)'}`,
);
console.log(`${'command'.padEnd(28)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'peak MB'.padStart(8)}  target (wall)`);
try {
  for (const row of rows) {
    const runs = Array.from({ length: repeat }, () => measure(row.args));
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const mb = median(runs.map((r) => r.mb));
    const fmt = (v, d, w) => (v === undefined ? '—' : v.toFixed(d)).padStart(w);
    console.log(`${row.name.padEnd(28)} ${fmt(wall, 2, 7)} ${fmt(cpu, 2, 7)} ${fmt(mb, 0, 8)}  ≤ ${row.target} s ${wall <= row.target ? 'met' : 'not met'}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
