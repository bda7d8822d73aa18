/**
 * Option values from the whole float64 range — subnormals, ±0, the largest finite doubles,
 * ordinary values — for every figure in every format, each run under a time limit. Every run
 * must end within the limit with exit 0, 1 or 2; a failure prints exactly one error line (and
 * at most one hint), never a stack trace; the folder holds nothing but the output (no
 * temporary file); an existing output is either intact or replaced whole, its mode kept.
 *
 * The limit is 30 s plus four times the run's own estimate (cost.ts: simulation, drawing): a
 * run the CLI accepts may legitimately take a while (a 2e7-number PNG takes ~40 s), and the
 * estimate must not be far off either.
 *
 * The default is one case per figure and format (30) from a fixed seed, so the suite stays
 * fast and repeatable; SNN_FIGS_FUZZ_RUNS=N runs N random cases per pair (a long run), with
 * SNN_FIGS_FUZZ_SEED to replay one.
 */
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { runSeconds } from '../../src/options/cost.js';
import { FORMATS, type Format } from '../../src/cli/output.js';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureModule, ParamSpec } from '../../src/figures/spec.js';
import { entriesUnder, TSX } from '../helpers/robust-cli.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

const RUNS = Number(process.env.SNN_FIGS_FUZZ_RUNS ?? 1);
const SEED = process.env.SNN_FIGS_FUZZ_SEED !== undefined ? Number(process.env.SNN_FIGS_FUZZ_SEED) : RUNS === 1 ? 12 : undefined;
const BASE_LIMIT_MS = 30_000;
const OLD = 'an older figure';
const MAGIC: Record<Format, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  svg: (b) => b.toString('utf8', 0, 200).includes('<svg'),
  pdf: (b) => b.toString('latin1', 0, 5) === '%PDF-',
  json: (b) => JSON.parse(b.toString()) !== undefined,
  csv: (b) => b.toString().startsWith('panel,series,x,y'),
};

/** Doubles across the whole range, with the edges drawn often. */
const EDGES = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-8, 0.5, 1, 3, 1e3, 1e17, 1e300, 1.7976931348623157e308, -1.7976931348623157e308];
const anyDouble = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...EDGES));
const TIME_UNITS = ['ms', 's', 'us', ' ms', ''];

/** A text value for one option, drawn across float64. */
function valueFor(spec: ParamSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case 'time':
      return fc.tuple(anyDouble, fc.constantFrom(...TIME_UNITS)).map(([v, u]) => `${v}${u}`);
    case 'times':
      return fc.tuple(fc.array(anyDouble, { minLength: 1, maxLength: 3 }), fc.constantFrom('ms', 's')).map(([vs, u]) => `${vs.join(',')}${u}`);
    case 'number':
    case 'quantity': // a bare number is in the quantity's display unit (mV, nS, nA, um2)
      return anyDouble.map(String);
    case 'integer':
      return fc.oneof(
        anyDouble.map((v) => String(Math.trunc(v))),
        fc.integer({ min: -5, max: 200 }).map(String),
      );
    case 'numbers':
      return fc.array(anyDouble, { minLength: 1, maxLength: 3 }).map((vs) => vs.join(','));
    case 'text': // the default (valid), a pattern-shaped word of any length, or anything at all
      return fc.oneof(
        fc.constant(spec.default),
        fc.stringMatching(new RegExp(spec.pattern!.source), { size: 'small' }) /* fast-check takes no flags; the CLI checks the real pattern */,
        fc.string({ maxLength: 30 }),
      );
    case 'choice':
    case 'choices':
      return fc.constantFrom(...spec.choices!).map(String);
    default: {
      // A new parameter kind must get its own values here (a type error until it does).
      const unknown: never = spec.kind;
      throw new Error(`no fuzz values for parameter kind ${String(unknown)}`);
    }
  }
}

/** Options for one case: a few of the figure's own, maybe --figsize and --dpi. */
function optionsFor(fig: FigureModule): fc.Arbitrary<string[]> {
  const own = fc
    .subarray(fig.params, { minLength: 1, maxLength: 3 })
    .chain((specs) => fc.tuple(...specs.map((s) => valueFor(s).map((v) => [`--${s.name}`, v]))));
  const render = fc.subarray([fc.tuple(anyDouble, anyDouble).map(([w, h]) => ['--figsize', `${w}x${h}`]), anyDouble.map((d) => ['--dpi', String(d)])]);
  return fc
    .tuple(
      own,
      render.chain((arbs) => (arbs.length ? fc.tuple(...arbs) : fc.constant([] as string[][]))),
    )
    .map(([a, b]) => [...a.flat(), ...(b as string[][]).flat()]);
}

/** Seconds the CLI's own estimates give a run (0 if it will be refused while parsing). */
function estimatedSeconds(fig: FigureModule, argv: string[], format: Format): number {
  const given: Record<string, string> = {};
  for (let k = 0; k + 1 < argv.length; k++) if (argv[k].startsWith('--')) given[argv[k].slice(2)] = argv[k + 1];
  try {
    const own = Object.fromEntries(fig.params.filter((p) => p.name in given).map((p) => [p.name, given[p.name]]));
    const cost = fig.cost?.(parseParams(fig, own).params);
    const [w, h] = (given.figsize ?? fig.figsize.join('x')).split('x').map(Number);
    const dpi = Number(given.dpi ?? fig.dpi);
    // One thread: the slowest a run can be; the model is within 2× (tests/robust-estimates.test.ts).
    const seconds = cost ? runSeconds(cost, { threads: 1, format, pixels: format === 'png' ? w * dpi * h * dpi : 0 }) : 0;
    return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  } catch {
    return 0;
  }
}

/** The driver: one child for every case; killed (and the case failed) when a case overruns. */
function startDriver() {
  const child = spawn(process.execPath, [...TSX, join(import.meta.dirname, '..', 'helpers', 'robust-fuzz-driver.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async run(argv: string[], limitMs: number): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
      const t0 = Date.now();
      child.stdin.write(`${JSON.stringify(argv)}\n`);
      let timer: NodeJS.Timeout | undefined;
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms: snn-figs ${argv.join(' ')}`)), limitMs);
      });
      try {
        const next = await Promise.race([lines.next(), overrun]);
        if (next.done) throw new Error(`the driver died on: snn-figs ${argv.join(' ')}`);
        return { ...JSON.parse(next.value), ms: Date.now() - t0 };
      } finally {
        clearTimeout(timer);
      }
    },
    stop: () => child.kill('SIGKILL'),
  };
}

describe('option values across float64, every figure × format', () => {
  const driver = startDriver();
  afterAll(() => driver.stop());

  for (const fig of FIGURES)
    for (const format of FORMATS)
      it(`${fig.name} → ${format}`, { timeout: RUNS * 10 * BASE_LIMIT_MS }, async () => {
        // A small tuning curve unless the case draws its own --n/--points (they come later and win).
        const base = fig.name === 'tuning-curve' ? ['--n', '50', '--points', '3'] : [];
        await fc.assert(
          fc.asyncProperty(optionsFor(fig), fc.boolean(), async (options, hadOld) => {
            const dir = mkdtempSync(join(tmpdir(), 'snn-figs-fuzz-'));
            const out = join(dir, `out.${format}`);
            if (hadOld) {
              writeFileSync(out, OLD);
              chmodSync(out, 0o640);
            }
            const argv = [fig.name, ...base, ...options, '--out', out, '--quiet'];
            // Capped: a run estimated at hours is refused at once anyway (and setTimeout wraps past 2^31 ms).
            const r = await driver.run(argv, BASE_LIMIT_MS + Math.min(4_000 * estimatedSeconds(fig, argv, format), 600_000));
            const what = `snn-figs ${argv.join(' ')}\n${r.stderr}`;
            expect([0, 1, 2], what).toContain(r.code);
            expect(r.stderr, what).not.toMatch(STACK_FRAME);
            if (r.code !== 0) {
              expect(r.stderr.match(/^snn-figs: error: /gm), what).toHaveLength(1);
              expect((r.stderr.match(/^hint: /gm) ?? []).length, what).toBeLessThanOrEqual(1);
            }
            const present = entriesUnder(dir);
            expect(present, what).toEqual(r.code === 0 || hadOld ? [`out.${format}`] : []);
            if (!existsSync(out)) return;
            const bytes = readFileSync(out);
            if (r.code !== 0) expect(bytes.toString(), what).toBe(OLD);
            else expect(MAGIC[format](bytes), what).toBe(true);
            if (hadOld) expect(statSync(out).mode & 0o777, what).toBe(0o640);
          }),
          { numRuns: RUNS, seed: SEED === undefined ? undefined : SEED + FIGURES.indexOf(fig) * 10 + FORMATS.indexOf(format) },
        );
      });
});
