/**
 * Numbers written into Brian model strings as the notebook cells write them: `20*ms`, `100*Hz`,
 * `0.3`. A parameter parsed to SI is turned back into the number typed in its display unit, so
 * the core folds `20*ms` exactly as Brian folds the cell's literal (20*0.001, not 0.02 parsed
 * from another spelling).
 */
import { toMs } from '../common.js';

/** A plain number the expression parser reads back to the same double. */
export function literal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} into a model`);
  return String(x);
}

/** A time as `<ms>*ms`. */
export function msLiteral(seconds: number): string {
  return `${literal(toMs(seconds))}*ms`;
}

/** A rate as `<Hz>*Hz` (rates are parsed in Hz already). */
export function hzLiteral(hz: number): string {
  return `${literal(Number(hz.toPrecision(12)))}*Hz`;
}
