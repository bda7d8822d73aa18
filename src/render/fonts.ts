/**
 * DejaVu Sans, the font matplotlib draws with, from the npm package dejavu-fonts-ttf, so every
 * machine draws the same glyphs. Registered under a private family name: an unknown or
 * system family would fall back silently to whatever fontconfig finds.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { registerFont } from 'canvas';

export const FONT_FAMILY = 'snn-figs DejaVu Sans';

let registered = false;

/** Registers the regular and oblique faces once; node-canvas wants this before any canvas exists. */
export function ensureFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  registerFont(join(dir, 'DejaVuSans.ttf'), { family: FONT_FAMILY, weight: 'normal', style: 'normal' });
  // Mathtext's italic letters (the δt of `$\delta t$`) come from the oblique face.
  registerFont(join(dir, 'DejaVuSans-Oblique.ttf'), { family: FONT_FAMILY, weight: 'normal', style: 'italic' });
  registered = true;
}

/** A CSS font string for node-canvas; size in the context's user units. */
export function cssFont(size: number, italic = false): string {
  return `${italic ? 'italic ' : ''}${size}px "${FONT_FAMILY}"`;
}
