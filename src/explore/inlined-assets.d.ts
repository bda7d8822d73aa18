/** The inlined assets, made at build time by scripts/build-explore.mjs (base64). */
declare module 'snn-figs:assets' {
  export const WASM: string;
  export const FONT_REGULAR: string;
  export const FONT_OBLIQUE: string;
}
