/**
 * The port of numpy's legacy RandomState against numpy 1.24's own outputs: 13 seeds (0 to
 * 2^32 − 1), sizes across the 624-word block boundary, every method, calls interleaved on one
 * generator so that the cached normal and the stream position carry over as in numpy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWasm } from '../../src/io/wasm.js';
import { compileWasm } from '../../src/sim/kernels/wasm-api.js';
import { useMt19937Bulk, type Mt19937Bulk } from '../../src/sim/numpy/mt19937.js';
import { wasmMt19937Bulk } from '../../src/sim/numpy/mt19937-wasm.js';
import { RandomState } from '../../src/sim/numpy/random-state.js';
import { type Encoded, expectSameAsNumpy, readNumpyFixture } from '../helpers/numpy-fixtures.js';

type Call = [string, ...(number | number[] | null)[]];
interface Case {
  seed: number;
  calls: Call[];
  outputs: (Encoded | null)[];
}
const fixture = readNumpyFixture<{ cases: Case[]; walk21303: number[] }>('random.json');

function apply(rs: RandomState, call: Call): Float64Array | null {
  const [name, ...args] = call;
  const num = (k: number) => args[k] as number;
  switch (name) {
    case 'seed':
      rs.seed(num(0));
      return null;
    case 'rand':
      return rs.rand(num(0));
    case 'randn':
      return rs.randn(num(0));
    case 'randn_scalar':
      return Float64Array.of(rs.gauss());
    case 'standard_exponential':
      return rs.standardExponential(num(0));
    case 'exponential':
      return rs.exponential(num(0), num(1));
    case 'poisson':
      return rs.poisson(num(0), num(1));
    case 'randint':
      return rs.randint(num(0), num(1), num(2));
    case 'shuffle': {
      const values = Array.from({ length: num(0) }, (_, k) => k);
      rs.shuffle(values);
      return Float64Array.from(values);
    }
    case 'permutation':
      return rs.permutation(num(0));
    case 'choice':
      return rs.choice(args[0] as number | number[], num(1), (args[2] ?? undefined) as number[] | undefined);
    default:
      throw new Error(`unknown call ${name}`);
  }
}

// Every sequence twice: in TypeScript alone, then with the bulk calls in WebAssembly (the
// module is built by `npm run build`; scripts/setup.sh installs clang for it).
const wasmModule = compileWasm(readWasm, 'numpy-random');
const paths: [string, () => Mt19937Bulk | undefined][] = [
  ['TypeScript', () => undefined],
  ['bulk draws in WebAssembly', () => wasmMt19937Bulk(wasmModule!)],
];

it('the WebAssembly module is built', () => {
  expect(wasmModule).toBeDefined();
});

describe.each(paths)('RandomState equals numpy 1.24, draw for draw (%s)', (_, bulk) => {
  beforeAll(() => useMt19937Bulk(bulk()));
  afterAll(() => useMt19937Bulk(undefined));
  const byKind = new Map<string, Case[]>();
  for (const c of fixture.cases) {
    const kind = c.calls[0][0];
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  for (const [kind, cases] of byKind) {
    it.each(cases.map((c) => [c.seed, c] as const))(`${kind}… sequence, seed %i`, (seed, c) => {
      const rs = new RandomState(seed);
      c.calls.forEach((call, k) => {
        const ours = apply(rs, call);
        const numpy = c.outputs[k];
        if (numpy === null) expect(ours).toBeNull();
        else expectSameAsNumpy(ours!, numpy, `seed ${seed}, call ${k}: ${JSON.stringify(call)}`);
      });
    });
  }

  it('reproduces the seed-21303 walk of course-figures.md', () => {
    const rs = new RandomState(21303);
    const walk = rs.choice([1, 0, -1], 10, [1 / 3 + 0.01, 1 / 3 - 0.005, 1 / 3 - 0.005]);
    expect(Array.from(walk)).toEqual(fixture.walk21303);
    expect(fixture.walk21303).toEqual([1, 0, 0, -1, 1, 0, -1, 1, -1, -1]);
  });

  it('reseeding restarts the stream and drops the cached normal', () => {
    const rs = new RandomState(5);
    const first = rs.randn(3);
    rs.seed(5);
    expect(Array.from(rs.randn(3))).toEqual(Array.from(first));
  });
});

describe('RandomState refuses what numpy refuses', () => {
  it.each([-1, 2 ** 32, 1.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, -0.5])('seed %s', (seed) => {
    expect(() => new RandomState(seed)).toThrow(/seed must be an integer between 0 and 2\*\*32 - 1/);
  });
  it('accepts the seed limits', () => {
    expect(() => new RandomState(0)).not.toThrow();
    expect(() => new RandomState(2 ** 32 - 1)).not.toThrow();
  });
  it.each([-1, 1.5, NaN, Infinity, 2 ** 30 + 1])('size %s', (n) => {
    const rs = new RandomState(1);
    expect(() => rs.rand(n)).toThrow(/size must be an integer/);
    expect(() => rs.randn(n)).toThrow(/size must be an integer/);
    expect(() => rs.poisson(3, n)).toThrow(/size must be an integer/);
  });
  it.each([-1, -0, NaN, -Infinity])('exponential scale %s', (scale) => {
    expect(() => new RandomState(1).exponential(scale, 2)).toThrow(/non-negative/);
  });
  it.each([-1, NaN, -Infinity])('poisson lam %s', (lam) => {
    expect(() => new RandomState(1).poisson(lam, 2)).toThrow(/non-negative/);
  });
  it.each([2 ** 52 + 2, Infinity, Number.MAX_VALUE])('poisson lam %s', (lam) => {
    expect(() => new RandomState(1).poisson(lam, 2)).toThrow(/at most 2\*\*52/);
  });
  it.each([
    [3, 3],
    [5, 1],
    [0.5, 2],
    [0, NaN],
    [0, 2 ** 53 + 2],
    [-(2 ** 53), 1],
    [-(2 ** 53) - 2, 0],
  ])('randint(%s, %s)', (low, high) => {
    expect(() => new RandomState(1).randint(low, high, 2)).toThrow(/randint/);
  });
  it.each([
    [[0.5, 0.5], 3, "'a' and 'p' must have same size"],
    [[0.5, NaN, 0.5], 3, 'probabilities contain NaN'],
    [[1.5, -0.5, 0], 3, 'probabilities are not non-negative'],
    [[0.5, 0.4, 0], 3, 'probabilities do not sum to 1'],
    [[Infinity, 0, 0], 3, 'probabilities contain NaN'],
    [[0, 0, Infinity], 3, 'probabilities do not sum to 1'],
  ])('choice p %j', (p, a, message) => {
    expect(() => new RandomState(1).choice(a, 4, p)).toThrow(message);
  });
  it('choice from nothing', () => {
    expect(() => new RandomState(1).choice(0, 3)).toThrow(/non-empty/);
    expect(() => new RandomState(1).choice([], 3)).toThrow(/non-empty/);
    expect(new RandomState(1).choice(0, 0).length).toBe(0);
  });
});
