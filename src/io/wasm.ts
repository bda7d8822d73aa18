/**
 * Loads a WebAssembly module built by scripts/build-wasm.mjs into dist/wasm/. Returns
 * undefined when it has not been built (no clang) or cannot be compiled here: callers then
 * use the TypeScript kernel, which computes the same numbers.
 */
import { readFileSync } from 'node:fs';
import { wasmApi, type WasmModule } from '../sim/kernels/wasm-api.js';

export function loadWasmModule(name: string): WasmModule | undefined {
  const candidates = [
    new URL(`../wasm/${name}.wasm`, import.meta.url), // running from dist/io/
    new URL(`../../dist/wasm/${name}.wasm`, import.meta.url), // running the sources (src/io/)
  ];
  for (const url of candidates) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(url);
    } catch {
      continue;
    }
    try {
      return new (wasmApi().Module)(bytes);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
