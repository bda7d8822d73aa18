/**
 * The WebAssembly bulk draws (src/wasm/numpy-random.c) against the TypeScript generator: the
 * same doubles, normals and choices, and the stream left at the same place, for sizes around
 * the 624-word block, the module's 4096-double chunk and the threshold of the bulk path, with
 * calls interleaved so that the cached normal and odd positions carry over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readWasm } from '../../src/io/wasm.js';
import { compileWasm } from '../../src/sim/kernels/wasm-api.js';
import { useMt19937Bulk } from '../../src/sim/numpy/mt19937.js';
import { useNumpyWasm, wasmMt19937Bulk } from '../../src/sim/numpy/mt19937-wasm.js';
import { RandomState } from '../../src/sim/numpy/random-state.js';

const module = compileWasm(readWasm, 'numpy-random');
const bulk = module && wasmMt19937Bulk(module);

/** The same calls on a TypeScript-only generator and on one drawing in bulk in WebAssembly. */
function bothWays(seed: number, calls: (rs: RandomState) => Float64Array[]): [Float64Array[], Float64Array[]] {
  useMt19937Bulk(undefined);
  const ts = calls(new RandomState(seed));
  useMt19937Bulk(bulk);
  const wasm = calls(new RandomState(seed));
  useMt19937Bulk(undefined);
  return [ts, wasm];
}

function expectSame(ours: Float64Array[], ref: Float64Array[]): void {
  expect(ours.length).toBe(ref.length);
  ref.forEach((r, c) => {
    expect(ours[c].length).toBe(r.length);
    for (let k = 0; k < r.length; k++) {
      if (!Object.is(ours[c][k], r[k])) expect.fail(`call ${c}, value ${k}: ${ours[c][k]} (WebAssembly), ${r[k]} (TypeScript)`);
    }
  });
}

afterEach(() => useMt19937Bulk(undefined));

describe('bulk draws in WebAssembly equal the TypeScript generator', () => {
  it('the module is built and fits the wrapper', () => {
    expect(bulk).toBeDefined();
  });

  const SIZES = [127, 128, 129, 511, 623, 1247, 1248, 1249, 4095, 4096, 4097, 8193, 100_003];
  it.each([0, 1, 21303, 4294967295])('rand, randn, choice with p, sizes across every boundary, then the next draws (seed %i)', (seed) => {
    const [ts, wasm] = bothWays(seed, (rs) => {
      const out: Float64Array[] = [];
      for (const n of SIZES) {
        out.push(rs.rand(n), rs.randn(n), rs.choice([1, 0, -1], n, [0.5, 0.25, 0.25]));
        // The position and the cached normal after the bulk calls, read by small calls.
        out.push(rs.randn(1), rs.rand(3), Float64Array.of(rs.gauss()));
      }
      out.push(rs.standardExponential(5000), rs.poisson(3, 2000), rs.randint(0, 7, 2000));
      return out;
    });
    expectSame(wasm, ts);
  });

  it('a million normals, and the stream afterwards', () => {
    const [ts, wasm] = bothWays(77, (rs) => [rs.randn(1_000_001), rs.rand(10)]);
    expectSame(wasm, ts);
  });

  it('inputs in the log near 1, its fused fallback and the table: every polar r² of 2 M pairs', () => {
    // randn(2n) takes n accepted pairs; with 4 M normals every path of the log is taken (the
    // near-1 interval holds 1/16 of the pairs, the fused fallback about 0.5 %: ~9 000 here).
    const [ts, wasm] = bothWays(3, (rs) => [rs.randn(4_000_000)]);
    expectSame(wasm, ts);
  });
});

describe('useNumpyWasm', () => {
  it('without a module, or with bytes that are not one, leaves the TypeScript in place and draws the same', () => {
    const ref = new RandomState(9).randn(2000);
    useNumpyWasm(() => undefined);
    expect(Array.from(new RandomState(9).randn(2000))).toEqual(Array.from(ref));
    useNumpyWasm(() => new Uint8Array([0, 97, 115, 109, 9, 9]));
    expect(Array.from(new RandomState(9).randn(2000))).toEqual(Array.from(ref));
  });

  it('with the built module, draws the same numbers', () => {
    const ref = new RandomState(9).randn(2000);
    useNumpyWasm(readWasm);
    expect(Array.from(new RandomState(9).randn(2000))).toEqual(Array.from(ref));
  });
});
