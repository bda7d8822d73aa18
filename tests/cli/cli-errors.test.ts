/**
 * What a student may type, and what snn-figs answers: for every bad invocation the exit code
 * (2 wrong command line, 1 failed at run time), exactly one `snn-figs: error:` line naming the
 * option, what it expects and what it got, no stack trace, nothing on stdout and no file.
 * Then the warnings (exit 0) and the invocations that must simply work.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { METHODS } from '../../src/sim/index.js';
import { silentStreams } from '../helpers/streams.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

const root = mkdtempSync(join(tmpdir(), 'snn-figs-errors-'));
// A file where a folder should be, outside every row's own folder.
const blocker = join(root, 'blocker');
writeFileSync(blocker, '');
const FIGURE_NAMES = new Set(FIGURES.map((f) => f.name));

type Row = [argv: string[], code: 1 | 2, message: RegExp];

const ROWS: Row[] = [
  // 1. quantities: option's name, what it expects, what it got
  [['coincidence', '--tau', '0'], 2, /--tau must be > 0 ms, got 0 ms$/m],
  [['coincidence', '--tau', '-5ms'], 2, /--tau must be > 0 ms, got -5 ms$/m],
  [['tuning-curve', '--n', '-5'], 2, /--n must be ≥ 2, got -5$/m],
  [['coincidence', '--tau', '10kg'], 2, /--tau expects a time in s, ms or us, got '10kg' \(unknown unit 'kg'\)/],
  [['coincidence', '--tau', '1e-320s', '--method', 'exact'], 2, /--tau .* is too small: 1\/tau overflows float64/],
  [['psp-forms', '--tau2', '4e-321s', '--method', 'exact'], 2, /--tau2 .* is too small: 1\/tau2 overflows float64/],
  [['coincidence', '--tau', 'NaN'], 2, /--tau expects a time such as 10ms.*, got 'NaN'/],
  [['coincidence', '--tau', 'Infinity'], 2, /--tau expects a time .* got 'Infinity'/],
  [['coincidence', '--tau', ''], 2, /--tau expects a time .* got nothing/],
  [['coincidence', '--duration', '1e400ms'], 2, /--duration expects a finite number, got '1e400ms'/],
  [['coincidence', '--w', '10ms'], 2, /--w expects a number without a unit such as 0\.8, got the time '10ms'/],
  [['coincidence', '--threshold', 'high'], 2, /--threshold expects a number such as 0\.8, got 'high'/],
  [['tuning-curve', '--n', '2.5'], 2, /--n expects a whole number such as 41, got '2\.5'/],
  [['tuning-curve', '--seed', '1e400'], 2, /--seed expects a finite number, got '1e400'/],
  [['coincidence', '--spikes', '10,,50ms'], 2, /--spikes expects a comma-separated list of times .* got '10,,50ms'/],
  [['coincidence', '--spikes', '10,11kg,50'], 2, /--spikes expects a comma-separated list of times .* item '11kg' is not a time/],
  [['coincidence', '--figsize', '0x5'], 2, /--figsize expects a positive width and height, got '0x5'/],
  [['coincidence', '--figsize', '8'], 2, /--figsize expects WIDTHxHEIGHT in inches such as 8x5, got '8'/],
  [['coincidence', '--dpi', '5', '--out', '$DIR/c.png'], 2, /--dpi must be between 10 and 1200, got 5/],
  // The methods are the core's integrator registry's.
  [['coincidence', '--method', 'magic'], 2, new RegExp(`--method expects one of ${METHODS.join(', ')}, got 'magic'`)],
  [['psp-forms', '--forms', 'alpha,alpha'], 2, /--forms lists 'alpha' twice/],
  [['stp', '--dep-u', '1.5'], 2, /--dep-u must be ≤ 1, got 1\.5/],
  [['tuning-curve', '--threads', '0'], 2, /--threads must be between 1 and 256, got 0/],

  // 2. the model, checked before anything runs
  [['psp-abstraction', '--tau-x', '10ms'], 2, /--tau-x must differ from --tau \(both 10 ms\): the current kernel .* divides by tau - taux/],
  [['psp-abstraction', '--tau-x', '0.01s', '--tau', '10ms'], 2, /--tau-x must differ from --tau/],
  [['psp-abstraction', '--method', 'exact'], 2, /--method exact cannot integrate this model: .* non-linear/],
  [['stp', '--dt', '60ms'], 2, /--dt 60 ms makes forward Euler blow up: it needs dt < 2 × --tau = 20 ms/],
  [['stp', '--fac-tau-d', '1ms', '--dt', '2ms'], 2, /--dt 2 ms makes forward Euler blow up: it needs dt < 2 × --fac-tau-d = 2 ms/],
  [['coincidence', '--method', 'euler', '--dt', '10ms'], 2, /--dt 10 ms makes forward Euler blow up: it needs dt < 2 × --tau = 10 ms/],
  [['coincidence', '--method', 'rk4', '--dt', '14ms'], 2, /--dt 14 ms makes RK4 blow up: it needs dt < 2\.78 × --tau = 13\.9 ms/],
  [['psp-forms', '--tau2', '0.05ms'], 2, /--dt 0\.1 ms makes forward Euler blow up: it needs dt < 2 × --tau2 = 0\.1 ms/],
  [['tuning-curve', '--dt', '4ms'], 2, /--dt 4 ms makes forward Euler blow up/],
  [['coincidence', '--spikes', '10,150ms'], 2, /--spikes 150 ms falls at or after the end of the run \(--duration 100 ms\)/],
  [['coincidence', '--spikes', '10,10.05ms'], 2, /--spikes 10 ms and 10\.05 ms fall in the same 0\.1 ms step/],
  [['coincidence', '--dt', '2ms'], 2, /--spikes 10 ms and 11 ms fall in the same 2 ms step/],
  [['coincidence', '--spikes', '-5,10ms'], 2, /--spikes must be ≥ 0 ms, got -5 ms/],
  [['psp-abstraction', '--spike-time', '100ms'], 2, /--spike-time 100 ms must come at least 2 steps \(0\.2 ms\) before the end of the run/],
  [['psp-forms', '--spike-time', '-1ms'], 2, /--spike-time must be ≥ 0 ms, got -1 ms/],
  [['coincidence', '--dt', '100ms'], 2, /--dt 100 ms leaves 1 step in the 100 ms run/],
  [['tuning-curve', '--delta-min', '5ms', '--delta-max', '-5ms'], 2, /--delta-min 5 ms must not exceed --delta-max \(-5 ms\)/],
  [['tuning-curve', '--delta-min', '-200ms'], 2, /--delta-min puts the second input at -50 ms, before the run starts/],
  [['tuning-curve', '--delta-max', '60ms'], 2, /--duration 200 ms ends before the second input at 210 ms/],
  [['tuning-curve', '--stim-time', '250ms'], 2, /--stim-time 250 ms falls at or after the end of the run/],
  [['tuning-curve', '--sigma', '-0.1'], 2, /--sigma must be ≥ 0, got -0\.1/],
  [['tuning-curve', '--points', '0'], 2, /--points must be ≥ 1, got 0/],
  [['population', '--probe', '100'], 2, /--probe must be below --points \(100\).*got 100/],
  [['population', '--n', '0'], 2, /--n must be ≥ 1, got 0/],
  [['population', '--tuning-width', '0'], 2, /--tuning-width must be ≥ 0\.000001, got 0/],
  [['tuning-curve', '--n', '100000000'], 2, /this run needs about 8\.2e\+12 neuron updates, roughly .* on \d+ threads?/],
  [
    ['coincidence', '--duration', '10000s'],
    2,
    // Beyond what fits (V8's longest string), so no --force is offered.
    /this run would record about 2\.0e\+8 numbers: as JSON, about 4\.0e\+9 characters, more than Node can hold in one text \(536870888\)\nhint: make it smaller \(a shorter --duration or a larger --dt\)\n/,
  ],
  [['population', '--n', '1000', '--points', '1000000', '--force'], 2, /more than one process can hold/],
  [
    ['coincidence', '--duration', '1001s'],
    2,
    /this run would record about 2\.0e\+7 numbers \(1\.3 GB of memory for a JSON\)\nhint: make it smaller \(a shorter --duration or a larger --dt\) or pass --force/,
  ],

  // 3. the command line itself
  [['coincidence', '--tua', '5'], 2, /unknown option '--tua'\nhint: did you mean --tau\?/],
  [['coincidnce'], 2, /unknown figure or command 'coincidnce'\nhint: did you mean coincidence\?/],
  [['--tau', '5', 'coincidence'], 2, /unknown option '--tau'\nhint: options go after the figure's name/],
  [['coincidence', '--tau'], 2, /option '--tau <time>' argument missing/],
  [['coincidence', 'foo'], 2, /unexpected argument 'foo': 'coincidence' takes options only/],
  [['coincidence', '--tau', '10', 'ms'], 2, /unexpected argument 'ms'.*\nhint: a value with a space needs quotes/],
  [['coincidence', 'stp'], 2, /unexpected argument 'stp'.*\nhint: one figure per command/],
  [['list', 'extra'], 2, /unexpected argument 'extra': 'list' takes options only/],
  [['all', '--format', 'png,gif', '--out-dir', '$DIR'], 2, /--format expects one of png, svg, pdf, json, csv, got 'gif'/],
  [['all', '--out-dir', ''], 2, /--out-dir expects a folder, got nothing/],

  // 4. output paths, refused before simulating
  [['coincidence', '--out', '$DIR'], 2, /output '.*' is a folder; give a file name/],
  [['coincidence', '--out', '$DIR/c.xyz'], 2, /cannot write '\.xyz' files .*\nhint: use one of \.png, \.svg, \.pdf, \.json, \.csv or --format/],
  [['coincidence', '--out', '$DIR/c'], 2, /cannot tell the format of '.*': it has no extension/],
  [['coincidence', '--out', `${blocker}/c.json`], 2, /cannot write '.*': '.*blocker' is a file, not a folder/],
  [['coincidence', '--out', '/dev/null', '--format', 'json'], 2, /output '\/dev\/null' exists and is not a regular file/],
  [['coincidence', '--out', '$DIR/c.json', '--format', 'png'], 2, /--format png contradicts the extension of/],
  [['coincidence', '--out', ''], 2, /--out expects a file name, got nothing/],

  // 5. failures at run time
  [['coincidence', '--w', '1e308'], 1, /coincidence: the simulation produced Infinity in the y values of 'v'/],
];

let rowDirs = 0;

/** The row's argv with $DIR made a fresh folder, and --out into it unless the row says. */
function prepare(argv: string[]): { args: string[]; dir: string } {
  const dir = join(root, `row-${rowDirs++}`);
  mkdirSync(dir);
  const args = argv.map((a) => a.replace('$DIR', dir));
  if (FIGURE_NAMES.has(args[0]) && !args.includes('--out')) args.splice(1, 0, '--out', join(dir, 'out.json'));
  return { args, dir };
}

async function run(args: string[]) {
  const { io, stdout, stderr } = silentStreams();
  const code = await main(args, io);
  return { code, out: stdout(), err: stderr() };
}

describe('bad invocations', () => {
  it('the table has at least 40 rows', () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(ROWS)('%j → exit %i', async (argv, code, message) => {
    const { args, dir } = prepare(argv);
    const r = await run(args);
    expect(r.code, r.err).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.match(/error:/g), r.err).toHaveLength(1);
    expect(r.err.split('\n')[0]).toMatch(/^snn-figs: error: /);
    expect(r.err).not.toMatch(STACK_FRAME); // no stack trace
    expect(r.err).not.toMatch(/warning:/); // a refused run gets its error alone
    expect(r.out).toBe('');
    expect(readdirSync(dir, { recursive: true })).toEqual([]);
  });

  it('no arguments: the usage on stderr and exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Usage: snn-figs/);
  });

  it('--debug shows a stack trace', async () => {
    const { args } = prepare(['coincidence', '--w', '1e308', '--debug']);
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(STACK_FRAME);
  });
});

describe('help and version exit 0', () => {
  it.each([...FIGURES.map((f) => [f.name, '--help']), ['list', '--help'], ['all', '--help'], ['--help'], ['help', 'stp'], ['-h']])('%j', async (...argv) => {
    const r = await run(argv);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Usage: snn-figs/);
  });

  it('the help shows each option with its kind, default and declared bounds', async () => {
    // The help wraps long descriptions: compare with the whitespace collapsed.
    const help = (await run(['stp', '--help'])).out.replace(/\s+/g, ' ');
    expect(help).toMatch(/--dep-u <number> U of the depressing synapse \(default: 0\.45; ≥ 0 and ≤ 1\)/);
    expect(help).toMatch(/--tau <time> membrane time constant \(default: 10ms; > 0 ms\)/);
    expect(help).toMatch(new RegExp(`--method <${METHODS.join('\\|')}> integration method [^(]*\\(exact [^)]*\\) \\(default: euler\\)`));
    expect((await run(['tuning-curve', '--help'])).out).toMatch(/--threads <n>/);
    expect((await run(['stp', '--help'])).out).not.toMatch(/--threads/);
  });

  it('--version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

type Warned = [argv: string[], warning: RegExp];

const SMALL_TUNING = ['--n', '20', '--points', '3'];

const WARNINGS: Warned[] = [
  [['coincidence', '--spikes', '10.05,11,50,60ms'], /--spikes 10\.05 ms is not on the 0\.1 ms grid; Brian2 \(and snn-figs\) deliver it at 10 ms/],
  [['coincidence', '--spikes', '10,11,50.09,60ms'], /deliver it at 50 ms/], // almost a whole step early: Brian's floor rule
  [['stp', '--spikes', '50.05,100.05,150ms'], /--spikes 50\.05 ms, 100\.05 ms are not on the 0\.1 ms grid; .* deliver them at 50 ms, 100 ms/],
  [
    ['coincidence', '--duration', '100.05ms'],
    /--duration 100\.05 ms is not a whole number of 0\.1 ms steps; Brian2 \(and snn-figs\) run 1001 steps, to 100\.1 ms/,
  ],
  [
    ['psp-abstraction', '--spike-time', '10.05ms'],
    /--spike-time 10\.05 ms is not on the 0\.1 ms grid; .* end the first run at step 101, so the spike acts at 10\.1 ms/,
  ],
  [['stp', '--dt', '1.5ms', '--spikes', '51,102,150ms'], /--dt 1\.5 ms is coarse for --tau 10 ms: forward Euler is inaccurate above dt = 0\.1 × τ = 1 ms/],
  [
    ['coincidence', '--method', 'rk4', '--dt', '3ms', '--spikes', '9,12,51,60ms'],
    /--dt 3 ms is coarse for --tau 5 ms: RK4 is inaccurate above dt = 0\.5 × τ = 2\.5 ms/,
  ],
  [['tuning-curve', '--n', '20', '--points', '40'], /--points 40 spaces δt 0\.512820512821 ms apart, so 38 of the 40 second inputs .* off the 0\.1 ms grid/],
  [['tuning-curve', '--n', '20', '--points', '1'], /--points 1 draws only δt = --delta-min \(-10 ms\); --delta-max is not used/],
];

describe('warnings: the figure is still made', () => {
  it.each(WARNINGS)('%j', async (argv, warning) => {
    const { args, dir } = prepare(argv);
    const r = await run(args);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(warning);
    expect(r.err).toMatch(/^snn-figs: warning: /m);
    expect(r.err).not.toMatch(/error:/);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('--quiet silences them', async () => {
    const { args } = prepare(['coincidence', '--spikes', '10.05ms', '--quiet']);
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

describe('what must simply work', () => {
  it.each([
    [['tuning-curve', ...SMALL_TUNING, '--delta-min', '-5ms', '--delta-max', '5ms']], // negative values after options
    [['tuning-curve', ...SMALL_TUNING, '--delta-min=-5ms', '--delta-max=5 ms']],
    [['coincidence', '--tau', '5 ms', '--dt', '100us', '--spikes', '0.01,0.011,0.05,0.06s']],
    [['coincidence', '--tau', '5000µs', '--duration', '1e-1 s']],
    [['psp-forms', '--method', 'exact', '--dt', '1ms']], // exact: no step limit
    [['population', '--n', '1', '--points', '2', '--probe', '1']],
    [['tuning-curve', '--n', '1e2', '--points', '3']],
  ])('%j', async (argv) => {
    const { args, dir } = prepare(argv);
    const r = await run([...args, '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
