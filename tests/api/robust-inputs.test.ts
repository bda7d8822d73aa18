/**
 * Nothing silently wrong, every refusal one clear sentence before the run:
 * - one rule for every quantity: what underflows to 0 or overflows in SI is refused, in every unit
 *   of every dimension; exponents are numbers in every unit grammar;
 * - the library: plain objects only, bare SI numbers far from the default warned about, null
 *   options refused, renderFigure refusing malformed FigureData by panel and mark;
 * - figure data consistent with what is drawn, degenerate sizes refused;
 * - names written byte for byte or refused; late failures moved before the run;
 * - every message the library produces for hostile input is an InputError in our words, short.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFigure } from '../../src/api/build.js';
import { InputError } from '../../src/api/errors.js';
import { renderFigure } from '../../src/api/render.js';
import { DIMENSIONS, type DimensionName } from '../../src/options/dimensions.js';
import { parseQuantity, QuantityError } from '../../src/options/quantity.js';
import { runMain } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-inputs-'));
const REPO = join(import.meta.dirname, '..', '..');

/** Wording that only a bug would show a user. */
const INTERNAL =
  /Cannot read|undefined|is not a function|is not iterable|Maximum call stack|TypeError|RangeError|\[object |Invalid (typed )?array length|Unexpected token|NaN ms|of null/;

/** What a promise rejected with; fails the test if it resolved. */
async function rejection(run: Promise<unknown>): Promise<Error> {
  return run.then(
    () => {
      throw new Error('resolved, not refused');
    },
    (e: unknown) => e as Error,
  );
}

function refusal(fn: () => unknown): QuantityError {
  try {
    fn();
  } catch (e) {
    return e as QuantityError;
  }
  throw new Error('not refused');
}

describe('one rule for every quantity, in every unit', () => {
  for (const [name, d] of Object.entries(DIMENSIONS) as [DimensionName, (typeof DIMENSIONS)[DimensionName]][])
    for (const [unit, scale] of Object.entries(d.units)) {
      it(`${name} in ${unit}: underflow and overflow refused, exponents read as numbers`, () => {
        // The smallest number that still underflows in SI once scaled, and the largest that overflows.
        const tiny = scale < 0.1 ? '1e-323' : '1e-400';
        const huge = scale > 10 ? '1e308' : '1e400';
        for (const text of [`${tiny}${unit}`, `${tiny} ${unit}`, `-${tiny}${unit}`]) {
          const e = refusal(() => parseQuantity(text, name));
          expect(e).toBeInstanceOf(QuantityError);
          expect(e.message).toMatch(/too small to tell from 0/);
        }
        for (const text of [`${huge}${unit}`, `-${huge}${unit}`]) {
          const e = refusal(() => parseQuantity(text, name));
          expect(e).toBeInstanceOf(QuantityError);
          expect(e.message).toMatch(/too large|finite number/);
        }
        expect(parseQuantity(`2e2${unit}`, name)).toBeCloseTo(200 * scale, 20);
        expect(parseQuantity(`2E-2 ${unit}`, name)).toBeCloseTo(0.02 * scale, 20);
      });
      if (unit === d.display)
        it(`${name}: a bare number is in ${unit}, exponents included`, () => {
          expect(parseQuantity('2e2', name)).toBeCloseTo(200 * scale, 20);
          expect(refusal(() => parseQuantity('1e-400', name)).message).toMatch(/too small/);
        });
    }

  it.each([
    [['biological-neuron', '--we', '1e-320pS'], /^snn-figs: error: --we is too small to tell from 0 in siemens/],
    [['stdp-latency', '--rate', '1e308kHz'], /^snn-figs: error: --rate is too large: in hertz it overflows a double/],
    [['hodgkin-huxley', '--area', '1e308m2'], /^snn-figs: error: --area must be ≤ 1000000000000 um2, got 1e\+308 m2/],
  ])('the CLI: %j refused before the run (exit 2)', async (args, message) => {
    const r = await runMain([...args, '--out', join(dir, 'q.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('--area 2e2 and --rate 1e2 are numbers in the display unit', async () => {
    const area = await runMain(['hodgkin-huxley', '--area', '2e4', '--quiet', '--out', join(dir, 'a.json')]);
    expect(area.err).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).params.area).toBe(20000);
    const rate = await runMain(['stdp-latency', '--rate', '1e2', '--quiet', '--out', join(dir, 'r.json')]);
    expect(rate.err).toBe('');
  });
});

describe("the library's inputs", () => {
  it('a bare number far from the default is warned about, with the unit it is read in', async () => {
    const warnings: string[] = [];
    // 5.6 A: the run goes on (v overflows and the data is refused, or it is drawn); the warning came first.
    await buildFigure('hodgkin-huxley', { current: 5.6, duration: 0.001 }, { onWarning: (w) => warnings.push(w) }).catch(() => undefined);
    expect(warnings[0]).toMatch(/^current 5\.6 is read as 5\.6 A \(bare numbers are SI units\), far from the default 5\.6 nA; for 5\.6 nA give '5\.6nA'$/);
    const quiet: string[] = [];
    await buildFigure('hodgkin-huxley', { current: 5.6e-9 }, { onWarning: (w) => quiet.push(w) });
    expect(quiet).toEqual([]);
  });

  it('parameters and options must be plain objects', async () => {
    const inherited = Object.create({ w: 0.8 }) as Record<string, number>;
    const cases: [unknown, unknown, RegExp][] = [
      [new Map([['w', 0.8]]), {}, /^parameters must be a plain object such as .*, got a Map$/],
      [inherited, {}, /^parameters has an inherited property 'w'/],
      [[0.8], {}, /^parameters must be a plain object such as .*, got an array$/],
      [null, {}, /^parameters must be a plain object such as .*, got null$/],
      [{}, null, /^options must be a plain object such as .*, got null$/],
      [{}, { onWarning: 'yes' }, /^options\.onWarning must be a function, got string$/],
      [{}, { signal: {} }, /^options\.signal must be an AbortSignal/],
    ];
    for (const [params, options, message] of cases) {
      const run = buildFigure('coincidence', params as never, options as never);
      await expect(run).rejects.toBeInstanceOf(InputError);
      await expect(run).rejects.toThrow(message);
    }
  });

  it('a 1 MB name or value comes back as a short excerpt', async () => {
    for (const run of [buildFigure('x'.repeat(1_000_000) as never), buildFigure('coincidence', { w: '9'.repeat(1_000_000) })]) {
      const e = await rejection(run);
      expect(e).toBeInstanceOf(InputError);
      expect(e.message.length).toBeLessThan(600);
    }
  });
});

describe('renderFigure refuses malformed FigureData, naming the panel and the mark', () => {
  const data = (marks: unknown[], panel: Record<string, unknown> = {}) => ({
    figure: 'mine',
    params: {},
    paramUnits: {},
    layout: { rows: 1, cols: 1 },
    panels: [{ id: 'left', marks, ...panel }],
  });
  const plot = (x: unknown, y: unknown) => ({ kind: 'plot', id: 'curve', x, y });
  const CASES: [string, unknown, RegExp][] = [
    ['NaN', data([plot([0, 1], [0, NaN])]), /^panel 'left', mark 'curve': y\[1\] must be a finite number, got NaN$/],
    ['a string', data([plot([0, '1'], [0, 1])]), /^panel 'left', mark 'curve': x\[1\] must be a finite number, got '1'$/],
    ['an object', data([plot([0, 1], [{}, 1])]), /^panel 'left', mark 'curve': y\[0\] must be a finite number, got an object$/],
    ['x and y of different lengths', data([plot([0, 1, 2], [0, 1])]), /^panel 'left', mark 'curve': x has 3 values but y has 2$/],
    ['an unknown kind', data([{ kind: 'pie', id: 'p' }]), /^panel 'left', mark 'p': kind must be one of plot, step/],
    ['hist edges', data([{ kind: 'hist', id: 'h', edges: [0, 1], counts: [1, 2] }]), /^panel 'left', mark 'h': edges must have one value more than counts/],
    [
      'a million ticks',
      data([plot([0, 1], [0, 1])], { xticks: { values: Array.from({ length: 1e6 }, (_, k) => k) } }),
      /^panel 'left': xticks has 1000000 ticks; at most 1000/,
    ],
    ['no panels', { figure: 'mine', panels: [] }, /^figure data: panels must be a non-empty array/],
    ['a Map', new Map(), /^figure data: must be an object \(FigureData\), got an object$/],
    ['null', null, /^figure data: must be an object \(FigureData\), got null$/],
  ];
  for (const [what, bad, message] of CASES)
    for (const format of ['csv', 'svg'] as const)
      it(`${what} (${format})`, async () => {
        const e = await rejection(renderFigure(bad as never, format));
        expect(e).toBeInstanceOf(InputError);
        expect(e.message).toMatch(message);
      });

  it('null options are refused in words, not a TypeError', async () => {
    const e = await rejection(renderFigure(data([plot([0, 1], [0, 1])]) as never, 'png', null as never));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^options must be a plain object/);
  });
});

describe('every library message for hostile input is ours, short and in words', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.constant(Number.NaN),
    fc.constant(-0),
    fc.double(),
    fc.string({ maxLength: 20 }),
    fc.constant('9'.repeat(5000)),
    fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
    fc.object({ maxDepth: 1 }),
    fc.constant(new Map()),
  );
  const names = fc.constantFrom('coincidence', 'lif', 'stp', 'spike-vs-rate', 'decision-random-walk', 'nope', '');
  const keys = fc.constantFrom('w', 'tau', 'duration', 'dt', 'spikes', 'widths', 'points', 'draws', 'n', 'bias', 'method', 'nope', 'constructor');

  it('buildFigure', async () => {
    await fc.assert(
      fc.asyncProperty(names, fc.dictionary(keys, value, { maxKeys: 3 }), async (name, params) => {
        const e = await buildFigure(name as never, params as never, { threads: 1 }).then(
          () => undefined,
          (x: unknown) => x as Error,
        );
        if (e === undefined) return;
        expect(e, String(e)).toBeInstanceOf(InputError);
        expect(e.message).not.toMatch(INTERNAL);
        expect(e.message.length).toBeLessThan(600);
      }),
      { numRuns: 120, seed: 19 },
    );
  }, 120_000);

  it('renderFigure', async () => {
    const mark = fc.record(
      {
        kind: fc.constantFrom('plot', 'scatter', 'hist', 'axhline', 'text', 'raster', 'fill', 'x'),
        id: value,
        x: value,
        y: value,
        edges: value,
        counts: value,
        value,
        text: value,
      },
      { requiredKeys: ['kind'] },
    );
    const panel = fc.record({ id: value, marks: fc.oneof(fc.array(mark, { maxLength: 3 }), value), xticks: value, xlim: value }, { requiredKeys: ['id'] });
    const figureData = fc.record({
      figure: fc.oneof(fc.constant('mine'), value),
      panels: fc.oneof(fc.array(panel, { maxLength: 2 }), value),
      layout: fc.oneof(fc.constant({ rows: 1, cols: 1 }), value),
    });
    await fc.assert(
      fc.asyncProperty(figureData, fc.constantFrom('json', 'csv', 'svg') as fc.Arbitrary<'json' | 'csv' | 'svg'>, async (data, format) => {
        const e = await renderFigure(data as never, format).then(
          () => undefined,
          (x: unknown) => x as Error,
        );
        if (e === undefined) return;
        expect(e, String(e)).toBeInstanceOf(InputError);
        expect(e.message).not.toMatch(INTERNAL);
        expect(e.message.length).toBeLessThan(600);
      }),
      { numRuns: 300, seed: 19 },
    );
  }, 120_000);
});

describe('figure data is what is drawn; sizes that draw nothing are refused', () => {
  it('decision-random-walk --n 10 --draws 1,1,1: the data says n = 3', async () => {
    const out = join(dir, 'walk.json');
    const r = await runMain(['decision-random-walk', '--n', '10', '--draws', '1,1,1', '--quiet', '--out', out]);
    expect(r.code).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.params.n).toBe(3);
    expect(data.panels[0].title).toBe('Biased Random Walk With 3 Time Points');
  });

  it('reaction-times --low 0.9 --high 0.1 is refused: the legend would call 0.9 "Low threshold"', async () => {
    const r = await runMain(['reaction-times', '--low', '0.9', '--high', '0.1', '--out', join(dir, 'rt.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^snn-figs: error: --low must be at most --high \(0\.1\), got 0\.9/);
  });

  it.each(['svg', 'pdf'])('a 5e-324-inch %s is refused, not written as an empty page', async (format) => {
    const out = join(dir, `tiny.${format}`);
    const r = await runMain(['coincidence', '--figsize', '5e-324x5e-324', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--figsize 5e-324x5e-324 inches gives a page of fewer than 10 points on a side/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('names and places checked before the run', () => {
  it('a non-UTF-8 --out name is refused, not written with U+FFFD', () => {
    const sub = join(dir, 'bytes');
    mkdirSync(sub);
    const r = spawnSync('bash', ['-c', `exec "${process.execPath}" bin/snn-figs coincidence --out $'${sub}/a\\xff.json'`], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^snn-figs: error: --out '.*a\uFFFD\.json' is not valid UTF-8/);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an --out through a symbolic-link loop is refused at once', async () => {
    const loop = join(dir, 'loop');
    symlinkSync(loop, loop);
    const r = await runMain(['stdp-correlated', '--out', join(loop, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/its symbolic links form a loop/);
  });

  it('a run in a deleted current folder says so (not "a bug")', () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const r = spawnSync(
      'bash',
      ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${join(REPO, 'bin', 'snn-figs')}" coincidence --out x.json`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^snn-figs: error: the current folder no longer exists, so a relative --out has nowhere to go\nhint: /);
    expect(existsSync(gone)).toBe(false);
    void rmdirSync;
  });

  it('a 100 kB value is echoed as an excerpt', async () => {
    const r = await runMain(['decision-random-walk', '--draws', 'x'.repeat(100_000), '--out', join(dir, 'd.json')]);
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(800);
  });

  it('help help is the help, exit 0', async () => {
    const r = await runMain(['help', 'help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: snn-figs/);
  });

  it('the blow-up hint names only options the figure has', async () => {
    const { nonFiniteProblem } = await import('../../src/export/finite.js');
    const nan = { kind: 'plot', id: 'v', x: [0], y: [Number.NaN] };
    for (const [figure, named] of [
      ['hodgkin-huxley', ['--dt']],
      ['coincidence', ['--w', '--dt']],
      ['biological-neuron', ['--we', '--dt']],
    ] as const) {
      const hint = nonFiniteProblem({ figure, params: {}, paramUnits: {}, layout: { rows: 1, cols: 1 }, panels: [{ id: 'p', marks: [nan as never] }] })!.hint;
      expect(hint.match(/--[a-z]+/g)).toEqual(named);
    }
  });
});

describe('the library, hostile again: nothing taken silently', () => {
  const data = (mark: Record<string, unknown>) => ({
    figure: 'mine',
    layout: { rows: 1, cols: 1 },
    panels: [{ id: 'left', marks: [{ kind: 'plot', id: 'curve', x: [0, 1], y: [0, 1], ...mark }] }],
  });

  it('an AbortSignal aborted before the call: nothing runs, the abort reason rejects', async () => {
    const controller = new AbortController();
    controller.abort();
    const start = performance.now();
    // The whole default STDP run would take seconds.
    const e = await rejection(buildFigure('stdp-correlated', {}, { signal: controller.signal, threads: 1 }));
    expect(e.name).toBe('AbortError');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("{ force: 'false' } does not force: options of the wrong type are refused", async () => {
    const e = await rejection(buildFigure('lif', {}, { force: 'false' as never }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('options.force must be true or false, got string');
  });

  it('a misspelt option is refused, not left out', async () => {
    const build = await rejection(buildFigure('lif', {}, { therads: 2 } as never));
    expect(build.message).toMatch(/^options has no 'therads'; the options are signal, onProgress, onWarning, force, threads/);
    const render = await rejection(renderFigure(data({}) as never, 'png', { dpis: 300 } as never));
    expect(render.message).toBe("options has no 'dpis'; the options are figsize, dpi, context, fontScale, transparent");
  });

  it('an unknown colour is refused, as matplotlib refuses it (canvas would draw the previous colour)', async () => {
    for (const format of ['svg', 'json'] as const) {
      const e = await rejection(renderFigure(data({ color: 'notacolor' }) as never, format));
      expect(e.message).toBe("panel 'left', mark 'curve': color must be a colour such as 'C0', 'k', 'lightblue' or '#1f77b4', got 'notacolor'");
    }
    const face = await rejection(renderFigure(data({ marker: 'o', markerfacecolor: 'hollow' }) as never, 'svg'));
    expect(face.message).toMatch(/markerfacecolor must be a colour .* \(or 'none'\), got 'hollow'$/);
    for (const color of ['C3', 'k', 'RebeccaPurple', '#abc', '#1f77b4', '#1f77b480'])
      await expect(renderFigure(data({ color, markerfacecolor: 'none' }) as never, 'json')).resolves.toBeInstanceOf(Uint8Array);
  });

  it('a value JSON cannot hold (a cycle, a BigInt) is refused in words', async () => {
    const cyclic: Record<string, unknown> = data({});
    (cyclic.panels as Record<string, unknown>[])[0].self = cyclic;
    for (const bad of [cyclic, data({ extra: 1n })]) {
      const e = await rejection(renderFigure(bad as never, 'json'));
      expect(e).toBeInstanceOf(InputError);
      expect(e.message).toBe('figure data holds a value JSON cannot write (a cycle or a BigInt) outside the fields FigureData defines');
    }
  });

  it('a missing value or a hole in an array is "nothing", not "undefined"', async () => {
    const e = await rejection(renderFigure({ layout: { rows: 1, cols: 1 }, panels: [] } as never, 'csv'));
    expect(e.message).toBe('figure data: figure must be a string, got nothing');
    // eslint-disable-next-line no-sparse-arrays
    const hole = await rejection(renderFigure(data({ x: [0, , 2], y: [0, 1, 2] }) as never, 'csv'));
    expect(hole.message).toBe("panel 'left', mark 'curve': x[1] must be a finite number, got nothing");
  });
});
