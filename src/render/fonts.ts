/**
 * DejaVu Sans, the font matplotlib draws with, under a private family name: an unknown or
 * system family would fall back silently to whatever the platform finds. The node-canvas
 * adapter registers the npm package dejavu-fonts-ttf's files under this name; a page loads
 * them as a FontFace of the same family.
 */
export const FONT_FAMILY = 'snn-figs DejaVu Sans';

/** A CSS font string; size in the context's user units. */
export function cssFont(size: number, italic = false): string {
  return `${italic ? 'italic ' : ''}${size}px "${FONT_FAMILY}"`;
}
