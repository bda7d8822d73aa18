/**
 * Rules shared by the figures' check(): each returns the problems it finds (errors, or
 * warnings with `warning: true`), so a figure's check() reads as a list of rules. Step
 * arithmetic is the core's own (timestepOf, SpikeGeneratorGroup.stepOf), so what a warning
 * says is what the simulation then does — and what Brian2 2.5.1 does.
 */
import { SpikeGeneratorGroup, timestepOf } from '../sim/index.js';
import { nearlyEqual, toMs } from './common.js';
import type { Problem } from './spec.js';

/** A time for messages: `10.05 ms`. */
export function timeText(seconds: number): string {
  return `${toMs(seconds)} ms`;
}

/** `a, b, c and 4 more`: a long list of times should not flood the terminal. */
function listed(items: string[], max = 3): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Steps a run of `duration` from t = 0 takes (Brian's Clock rounding: nearest step within 1e-4·dt, else up). */
export function stepsOf(duration: number, dt: number): number {
  return timestepOf(duration, dt);
}

/** Within this fraction of dt a time counts as on the grid (Brian's Clock.epsilon_dt). */
const ON_GRID = 1e-4;

/** Where a spike generator puts time t: the start of step floor((t + 1e-3·dt)/dt). */
function deliveredAt(t: number, dt: number): number {
  return SpikeGeneratorGroup.stepOf(t, dt) * dt;
}

function onGrid(t: number, at: number, dt: number): boolean {
  return Math.abs(t - at) <= ON_GRID * dt;
}

// --- integration ---------------------------------------------------------------------------

/**
 * Where each explicit method stops being usable on dv/dt = -v/τ. Forward Euler multiplies v by
 * (1 − dt/τ) per step: it oscillates from dt = τ and grows without bound from dt = 2τ. RK4's
 * factor stays below 1 in size up to dt ≈ 2.785τ; being fourth-order it is still accurate at
 * τ/2, where Euler already is not beyond τ/10.
 */
const LIMITS = {
  euler: { name: 'forward Euler', unstable: 2, accurate: 0.1 },
  rk4: { name: 'RK4', unstable: 2.78, accurate: 0.5 },
} as const;

/**
 * dt against the time constants (option name → seconds) that the integrated equations divide
 * by: refused where the method diverges, warned where it is inaccurate. No limit for `exact`.
 */
export function stableStep(method: string, dt: number, taus: Record<string, number>, exactAllowed = true): Problem[] {
  const limit = method === 'euler' || method === 'rk4' ? LIMITS[method] : undefined;
  if (!limit) return [];
  const [option, tau] = Object.entries(taus).reduce((a, b) => (b[1] < a[1] ? b : a));
  const good = timeText(tau * limit.accurate);
  if (dt >= limit.unstable * tau)
    return [
      {
        param: 'dt',
        message: `${timeText(dt)} makes ${limit.name} blow up: it needs dt < ${limit.unstable} × --${option} = ${timeText(limit.unstable * tau)}`,
        hint: `use --dt ${good} or smaller${exactAllowed && method !== 'exact' ? ', or --method exact' : ''}`,
      },
    ];
  if (dt > limit.accurate * tau)
    return [
      {
        param: 'dt',
        warning: true,
        message: `${timeText(dt)} is coarse for --${option} ${timeText(tau)}: ${limit.name} is inaccurate above dt = ${limit.accurate} × τ = ${good}`,
      },
    ];
  return [];
}

/**
 * A time constant the equations divide by must leave 1/τ finite: below about 5.6e-309 s the
 * reciprocal overflows to Infinity and every integrator (exact included) turns v into NaN.
 */
export function invertibleTimeConstants(taus: Record<string, number>): Problem[] {
  return Object.entries(taus)
    .filter(([, tau]) => !Number.isFinite(1 / tau))
    .map(([option, tau]) => ({ param: option, message: `${timeText(tau)} is too small: 1/${option} overflows float64, so the model cannot be integrated` }));
}

/** --method exact for a model the core cannot solve exactly (it would fail only after parsing). */
export function notExact(method: string, why: string): Problem[] {
  return method === 'exact' ? [{ param: 'method', message: `exact cannot integrate this model: ${why}`, hint: 'use --method euler or rk4' }] : [];
}

/** Two time constants that must differ (a kernel divides by their difference). */
export function distinct(param: string, value: number, other: string, otherValue: number, why: string): Problem[] {
  return nearlyEqual(value, otherValue) ? [{ param, message: `must differ from --${other} (both ${timeText(value)}): ${why}` }] : [];
}

// --- the run -------------------------------------------------------------------------------

/** A run needs at least `min` samples to draw a curve. */
export function enoughSteps(duration: number, dt: number, min = 2): Problem[] {
  const steps = stepsOf(duration, dt);
  if (steps >= min) return [];
  return [{ param: 'dt', message: `${timeText(dt)} leaves ${steps} step${steps === 1 ? '' : 's'} in the ${timeText(duration)} run (--duration); the figure needs at least ${min}` }];
}

/** A duration off the dt grid runs a whole number of steps; say how many. */
export function durationOnGrid(duration: number, dt: number): Problem[] {
  const steps = stepsOf(duration, dt);
  if (Math.abs(steps * dt - duration) <= ON_GRID * dt) return [];
  return [
    {
      param: 'duration',
      warning: true,
      message: `${timeText(duration)} is not a whole number of ${timeText(dt)} steps; Brian2 (and snn-figs) run ${steps} steps, to ${timeText(steps * dt)}`,
    },
  ];
}

/**
 * A time at which the figure stops a run and sets the state (the PSP figures' spike). The first
 * run ends at step c(t); the spike needs two samples after it, since the PSPs are normalised by
 * a peak that the current and conductance forms reach only a step after the spike.
 */
export function runSplit(param: string, t: number, duration: number, dt: number): Problem[] {
  const split = stepsOf(t, dt);
  const end = stepsOf(t + (duration - t), dt); // the second run ends where the core's does
  if (end - split < 2)
    return [
      {
        param,
        message: `${timeText(t)} must come at least 2 steps (${timeText(2 * dt)}) before the end of the run (--duration ${timeText(duration)}): each PSP is normalised by its peak, which comes after the spike`,
      },
    ];
  if (Math.abs(split * dt - t) <= ON_GRID * dt) return [];
  return [
    {
      param,
      warning: true,
      message: `${timeText(t)} is not on the ${timeText(dt)} grid; Brian2 (and snn-figs) end the first run at step ${split}, so the spike acts at ${timeText(split * dt)}`,
    },
  ];
}

// --- spike generators ----------------------------------------------------------------------

/**
 * The input times of one generator neuron: each inside the run, at most one per step (Brian
 * refuses two; so does the core, but only mid-build), and a warning naming every time off the
 * grid with the time it is delivered at.
 */
export function generatorTimes(param: string, times: readonly number[], duration: number, dt: number): Problem[] {
  const end = stepsOf(duration, dt);
  const late = times.filter((t) => SpikeGeneratorGroup.stepOf(t, dt) >= end);
  if (late.length)
    return [{ param, message: `${listed(late.map(timeText))} ${late.length === 1 ? 'falls' : 'fall'} at or after the end of the run (--duration ${timeText(duration)})` }];
  const sorted = [...times].sort((a, b) => a - b);
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1], sorted[k]];
    if (SpikeGeneratorGroup.stepOf(a, dt) === SpikeGeneratorGroup.stepOf(b, dt))
      return [
        {
          param,
          message: `${timeText(a)} and ${timeText(b)} fall in the same ${timeText(dt)} step (delivered at ${timeText(deliveredAt(a, dt))}); one input can spike only once per step (Brian2 refuses this too)`,
          hint: 'space the spikes at least one --dt apart, or make --dt smaller',
        },
      ];
  }
  return offGridWarning(param, times, dt);
}

/** A warning listing the times off the dt grid and where a spike generator puts them. */
export function offGridWarning(param: string, times: readonly number[], dt: number): Problem[] {
  const off = times.map((t) => ({ t, at: deliveredAt(t, dt) })).filter(({ t, at }) => !onGrid(t, at, dt));
  if (!off.length) return [];
  const one = off.length === 1;
  return [
    {
      param,
      warning: true,
      message:
        `${listed(off.map((o) => timeText(o.t)))} ${one ? 'is' : 'are'} not on the ${timeText(dt)} grid; ` +
        `Brian2 (and snn-figs) deliver ${one ? 'it' : 'them'} at ${listed(off.map((o) => timeText(o.at)))}`,
    },
  ];
}

/**
 * A δt sweep's inputs (the tuning curve): the first at `stim`, the second at stim + δt for
 * every δt. All must lie in the run; the second inputs off the grid are counted in one warning
 * (a sweep of 40 points may put most of them off it), with one example of where one lands.
 */
export function sweepInputs(stim: number, deltas: readonly number[], duration: number, dt: number): Problem[] {
  const seconds = deltas.map((d) => stim + d); // as the figure adds them
  const end = stepsOf(duration, dt);
  if (SpikeGeneratorGroup.stepOf(stim, dt) >= end)
    return [{ param: 'stim-time', message: `${timeText(stim)} falls at or after the end of the run (--duration ${timeText(duration)})` }];
  const first = seconds.reduce((a, b) => Math.min(a, b), Infinity); // no spread: 100 000 points
  if (first < 0)
    return [{ param: 'delta-min', message: `puts the second input at ${timeText(first)}, before the run starts (--stim-time + --delta-min < 0)`, hint: 'raise --stim-time or --delta-min' }];
  const last = seconds.reduce((a, b) => Math.max(a, b), -Infinity);
  if (SpikeGeneratorGroup.stepOf(last, dt) >= end)
    return [
      {
        param: 'duration',
        message: `${timeText(duration)} ends before the second input at ${timeText(last)} (--stim-time + --delta-max)`,
        hint: 'lengthen --duration, or lower --stim-time or --delta-max',
      },
    ];
  const off = seconds.map((t) => ({ t, at: deliveredAt(t, dt) })).filter(({ t, at }) => !onGrid(t, at, dt));
  const problems = offGridWarning('stim-time', [stim], dt);
  if (off.length) {
    // Blame --delta-min if the sweep starts off the grid, else the spacing that --points makes.
    const first = stim + deltas[0];
    const cause = onGrid(first, deliveredAt(first, dt), dt) && deltas.length > 1
      ? { param: 'points', text: `${deltas.length} spaces δt ${timeText(deltas[1] - deltas[0])} apart, so` }
      : { param: 'delta-min', text: `${timeText(deltas[0])} starts δt off the grid, so` };
    problems.push({
      param: cause.param,
      warning: true,
      message:
        `${cause.text} ${off.length} of the ${seconds.length} second inputs (--stim-time + δt) are off the ${timeText(dt)} grid; ` +
        `Brian2 (and snn-figs) deliver each at the start of its step (e.g. ${timeText(off[0].t)} at ${timeText(off[0].at)})`,
    });
  }
  return problems;
}

// --- values the model must carry -----------------------------------------------------------

/** A quarter of the largest double: a state this large still leaves room for one step's sums. */
export const CARRIED = Number.MAX_VALUE / 4;

/**
 * One option against a model's declared reach: a state the run must carry as a finite double
 * reaches at most `base + |value| · perUnit` (the figure's bound from its own arithmetic: the
 * sum of its jumps, its drive over the run), and the integrator multiplies it by `rate` (1/τ
 * for Euler's −v/τ). Past CARRIED the run would turn the state into ±Infinity or NaN only after
 * simulating, so the option is refused before it, with the largest size that stays carried.
 */
export function carried(
  param: string,
  value: number,
  what: string,
  bound: { perUnit: number; base?: number; rate?: number; update?: string; hint?: string },
): Problem[] {
  const { perUnit, base = 0, rate = 1 } = bound;
  const limit = (CARRIED / rate - base) / perUnit;
  if (!(perUnit > 0) || Math.abs(value) <= limit) return [];
  const reach = base + Math.abs(value) * perUnit;
  return [
    {
      param,
      message: `${value} lets ${what} reach ${Number.isFinite(reach) ? `about ${reach.toPrecision(2)}` : 'past the largest double'}, and ${bound.update ?? 'that'} overflows a double there (the run would end in ±Infinity or NaN); keep |--${param}| at most ${limit.toPrecision(2)}`,
      ...(bound.hint ? { hint: bound.hint } : {}),
    },
  ];
}
