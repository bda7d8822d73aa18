/**
 * What a page carries inlined (put in by scripts/build-explore.mjs): the WebAssembly modules
 * and the DejaVu Sans faces the figures are drawn with (subsets of the glyphs they use).
 */
import { FONT_OBLIQUE, FONT_REGULAR, WASM } from 'snn-figs:assets';

export const FONT_FAMILY = 'snn-figs DejaVu Sans';

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
  return out;
}

/** A built WebAssembly module's bytes by name (`noisy-lif`, `numpy-random`); undefined when the build had none. */
export function wasmBytes(name: string): Uint8Array | undefined {
  return Object.hasOwn(WASM, name) ? bytes(WASM[name]) : undefined;
}

/** Registers the regular and oblique faces under the family the renderer names, in a page or a worker. */
export async function loadFonts(fonts: FontFaceSet): Promise<void> {
  const faces = [
    new FontFace(FONT_FAMILY, bytes(FONT_REGULAR) as BufferSource, { style: 'normal', weight: 'normal' }),
    new FontFace(FONT_FAMILY, bytes(FONT_OBLIQUE) as BufferSource, { style: 'italic', weight: 'normal' }),
  ];
  for (const face of faces) fonts.add(await face.load());
}
