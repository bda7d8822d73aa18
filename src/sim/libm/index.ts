/**
 * The core's one libm: every transcendental function the simulation core and the figures
 * compute goes through here, never through Math.exp/log/pow/sin/..., whose last bits differ
 * between JavaScript engines (Node's V8 and Chromium's disagree on a few percent of arguments),
 * so that a page in any browser gets the CLI's numbers bit for bit. exp, log and pow are glibc's
 * (the libm under Brian2 and numpy here); the others follow fdlibm's algorithms on top of them.
 * Math.sqrt, Math.abs, floor/ceil/round/trunc and + − × ÷ are exact in IEEE arithmetic and need
 * nothing.
 */
export { exp, log, pow } from '../numpy/libm.js';
export { expm1, log10, tanh } from './fdlibm.js';
export { cos, sin, tan } from './trig.js';
