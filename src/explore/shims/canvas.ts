/**
 * Temporary (until the house's browser entry lands): node-canvas's createCanvas and
 * registerFont for the browser bundle, on OffscreenCanvas. The fonts are registered by the
 * page itself (FontFace); the last figure-sized canvas made is the drawing's.
 */
let surface: OffscreenCanvas | undefined;

export function createCanvas(width: number, height: number, type?: string): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  Object.assign(canvas, { toBuffer: () => new Uint8Array(0) });
  if (type === undefined) surface = canvas;
  return canvas;
}

export function registerFont(): void {}

/** The canvas the last drawing was made on. */
export function takeSurface(): OffscreenCanvas {
  const s = surface;
  surface = undefined;
  if (!s) throw new Error('nothing was drawn');
  return s;
}
