/**
 * MT19937's bulk draws in WebAssembly (src/wasm/numpy-random.c): doubles and the polar
 * method's pairs, bit for bit those of ./mt19937.ts and ./random-state.ts with ./libm.ts's log
 * (tests/sim/numpy-wasm.test.ts). Pure: it is handed the module's bytes by a WasmLoader;
 * reading the .wasm file is the caller's business.
 */
import { compileWasm, wasmApi, type WasmLoader, type WasmMemory, type WasmModule } from '../kernels/wasm-api.js';
import { LOG_DATA } from './libm.js';
import { useMt19937Bulk, type Mt19937Bulk } from './mt19937.js';
import { SHORT_CDF } from './random-state.js';

interface Exports {
  memory: WasmMemory;
  state_at(): number;
  out_at(): number;
  log_data_at(): number;
  chunk(): number;
  prepare(): void;
  choice_cdf_at(): number;
  choice_values_at(): number;
  short_cdf(): number;
  fill_doubles(n: number): void;
  gauss_pairs(pairs: number): void;
  choice_short(n: number, m: number): void;
}

const KEY_WORDS = 624;

/** Instantiates the module (once: the bulk path then serves every generator in turn). */
export function wasmMt19937Bulk(module: WasmModule): Mt19937Bulk {
  const x = new (wasmApi().Instance)(module, {}).exports as unknown as Exports;
  // The module never grows its memory, so these views stay valid.
  const buffer = x.memory.buffer;
  new Float64Array(buffer, x.log_data_at(), LOG_DATA.length).set(LOG_DATA);
  x.prepare();
  const state = new Uint32Array(buffer, x.state_at(), KEY_WORDS + 1);
  const chunk = x.chunk();
  const results = new Float64Array(buffer, x.out_at(), chunk);
  if (x.short_cdf() < SHORT_CDF) throw new RangeError('numpy-random.wasm: a stale build (its choice takes fewer categories)');
  const choiceCdf = new Float64Array(buffer, x.choice_cdf_at(), SHORT_CDF);
  const choiceValues = new Float64Array(buffer, x.choice_values_at(), SHORT_CDF + 1);

  const run = (key: Uint32Array, pos: number, draw: () => void): number => {
    state.set(key);
    state[KEY_WORDS] = pos;
    draw();
    key.set(state.subarray(0, KEY_WORDS));
    return state[KEY_WORDS];
  };
  return {
    fillDoubles: (key, pos, out, from, to) =>
      run(key, pos, () => {
        for (let k = from; k < to; k += chunk) {
          const n = Math.min(chunk, to - k);
          x.fill_doubles(n);
          out.set(n === chunk ? results : results.subarray(0, n), k);
        }
      }),
    polarPairs: (key, pos, out, from, pairs) =>
      run(key, pos, () => {
        const most = chunk >> 1;
        for (let done = 0; done < pairs; done += most) {
          const p = Math.min(most, pairs - done);
          x.gauss_pairs(p);
          out.set(results.subarray(0, 2 * p), from + 2 * done);
        }
      }),
    choiceShort: (key, pos, out, cdf, values) =>
      run(key, pos, () => {
        choiceCdf.set(cdf);
        choiceValues.set(values);
        for (let k = 0; k < out.length; k += chunk) {
          const n = Math.min(chunk, out.length - k);
          x.choice_short(n, cdf.length);
          out.set(n === chunk ? results : results.subarray(0, n), k);
        }
      }),
  };
}

let installedFrom: WasmLoader | undefined;

/**
 * Makes every MT19937 draw its bulk calls in WebAssembly when `load` has the module
 * (`numpy-random`), else leaves the TypeScript in place. The module is compiled on the first
 * bulk call, not here. Idempotent for the same loader.
 */
export function useNumpyWasm(load: WasmLoader | undefined): void {
  if (load === undefined || load === installedFrom) return;
  installedFrom = load;
  useMt19937Bulk(() => {
    const module = compileWasm(load, 'numpy-random');
    if (!module) return undefined;
    try {
      return wasmMt19937Bulk(module);
    } catch {
      // A build that does not fit this wrapper (stale), or no room for its memory: the TypeScript gives the same numbers.
      return undefined;
    }
  });
}
