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
