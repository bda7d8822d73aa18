/**
 * The core's one libm: every transcendental function the simulation core and the figures
 * compute goes through here, never through Math.exp/log/pow/sin/..., whose last bits differ
 * between JavaScript engines (Node's V8 and Chromium's disagree on a few percent of arguments),
 * so that a page in any browser gets the CLI's numbers bit for bit.
 * - exp, log, expm1, tanh, log10, sin, cos, tan: fdlibm's algorithms in plain double arithmetic,
 *   about as fast as the engine's own (exp runs in every step of the conductance models, log
 *   builds the ziggurat's tables when the core is imported); exp, log and expm1 give Node 20's
 *   own bits (its V8 uses fdlibm), so the CLI's numbers did not move;
 * - pow: glibc's (./numpy/libm.ts, which numpy's generator needs bit for bit), slower (fused
 *   operations emulated) but off the per-step paths (constant powers are folded in codegen).
 * Math.sqrt, Math.abs, floor/ceil/round/trunc and + − × ÷ are exact in IEEE arithmetic and need
 * nothing.
 */
export { exp } from './exp.js';
export { log } from './log.js';
export { pow } from '../numpy/libm.js';
export { expm1, log10, tanh } from './fdlibm.js';
export { cos, sin, tan } from './trig.js';
