/** numpy's legacy generator and the libm routines it needs, bit for bit (pure, no I/O). */
export { RandomState, type BitSource, MAX_DRAWS, MAX_POISSON_LAM, loggam } from './random-state.js';
export { MT19937, MAX_SEED, checkSeed, useMt19937Bulk, type Mt19937Bulk } from './mt19937.js';
export { useNumpyWasm, wasmMt19937Bulk } from './mt19937-wasm.js';
export { log, exp, pow } from './libm.js';
export { fma } from './fma.js';
export { numpyExp, numpySin } from './svml.js';
export { pairwiseSum } from './pairwise-sum.js';
export { linspace, histogram, type Histogram } from './arrays.js';
