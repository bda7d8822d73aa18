/**
 * The little of the WebAssembly JavaScript API the kernels use, typed here because the
 * project's lib (ES2022, no DOM) does not declare it. Node has had all of it since v8.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface WasmGlobal {
  readonly value: unknown;
}

/** A compiled module (opaque; WebAssembly.Module). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

export function wasmApi(): WasmApi {
  return (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
}

/**
 * The bytes of a built WebAssembly kernel by name (`noisy-lif`), or undefined when there are
 * none: Node reads dist/wasm/ (src/io/wasm.ts), a browser bundle inlines or fetches them.
 */
export type WasmLoader = (name: string) => Uint8Array | undefined;

/** A kernel's compiled module, or undefined when the loader has no bytes or they do not compile here. */
export function compileWasm(load: WasmLoader | undefined, name: string): WasmModule | undefined {
  const bytes = load?.(name);
  if (!bytes) return undefined;
  try {
    return new (wasmApi().Module)(bytes);
  } catch {
    return undefined;
  }
}
