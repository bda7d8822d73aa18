/**
 * The bytes of a WebAssembly module built by scripts/build-wasm.mjs into dist/wasm/, for the
 * kernels' WasmLoader. Undefined when it has not been built (no clang): callers then use the
 * TypeScript kernel, which computes the same numbers.
 */
import { readFileSync } from 'node:fs';

export function readWasm(name: string): Uint8Array | undefined {
  const candidates = [
    new URL(`../wasm/${name}.wasm`, import.meta.url), // running from dist/io/
    new URL(`../../dist/wasm/${name}.wasm`, import.meta.url), // running the sources (src/io/)
  ];
  for (const url of candidates) {
    try {
      return readFileSync(url);
    } catch {
      continue;
    }
  }
  return undefined;
}
