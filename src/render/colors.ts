/** matplotlib colour specs the figure data may hold, turned into CSS colours. */
import { TAB10 } from './style.js';

/** matplotlib's one-letter base colours, as matplotlib defines them (its 'c', 'm', 'y' are not CSS's). */
const BASE: Record<string, string> = {
  b: '#0000ff',
  g: '#008000',
  r: '#ff0000',
  c: '#00bfbf',
  m: '#bf00bf',
  y: '#bfbf00',
  k: '#000000',
  w: '#ffffff',
};

/** The X11/CSS names the course notebooks use, as hex (so an alpha can be applied to them). */
const NAMED: Record<string, string> = {
  lightblue: '#add8e6',
  lightgreen: '#90ee90',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  gray: '#808080',
  grey: '#808080',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  black: '#000000',
  white: '#ffffff',
  orange: '#ffa500',
};

/** 'C0'…'C9' → the tab10 entry; one-letter and named colours; anything else is passed on as CSS (hex). */
export function resolveColor(spec: string): string {
  const cycle = /^C(\d+)$/.exec(spec);
  if (cycle) return TAB10[Number(cycle[1]) % TAB10.length];
  return BASE[spec] ?? NAMED[spec.toLowerCase()] ?? spec;
}

/** A resolved colour with an alpha, as CSS; colours that are not #rrggbb keep their own alpha. */
export function withAlpha(css: string, alpha: number | undefined): string {
  if (alpha === undefined || alpha >= 1) return css;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (!hex) return css;
  const [r, g, b] = hex.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${Math.max(0, alpha)})`;
}

/** The tab10 colour cycle of one axes: each call without an explicit colour takes the next. */
export class ColorCycle {
  private next = 0;
  take(): string {
    return TAB10[this.next++ % TAB10.length];
  }
}
