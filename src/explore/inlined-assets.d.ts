/** The inlined assets, made at build time by scripts/build-explore.mjs (base64). */
declare module 'snn-figs:assets' {
  /** The WebAssembly modules by name (dist/wasm/NAME.wasm), those that were built. */
  export const WASM: Record<string, string>;
  export const FONT_REGULAR: string;
  export const FONT_OBLIQUE: string;
}
