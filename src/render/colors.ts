/** matplotlib colour specs the figure data may hold, turned into CSS colours. */
import { TAB10 } from './style.js';

/** matplotlib's one-letter base colours, as matplotlib defines them (its 'c', 'm', 'y' are not CSS's). */
const BASE: Record<string, string> = {
  b: '#0000ff', g: '#008000', r: '#ff0000', c: '#00bfbf', m: '#bf00bf', y: '#bfbf00', k: '#000000', w: '#ffffff',
};

/** 'C0'…'C9' → the tab10 entry; one-letter colours; anything else is passed on as CSS (hex, names). */
export function resolveColor(spec: string): string {
  const cycle = /^C(\d+)$/.exec(spec);
  if (cycle) return TAB10[Number(cycle[1]) % TAB10.length];
  return BASE[spec] ?? spec;
}

/** The tab10 colour cycle of one axes: each call without an explicit colour takes the next. */
export class ColorCycle {
  private next = 0;
  take(): string {
    return TAB10[this.next++ % TAB10.length];
  }
}
