/**
 * The input of the week-1 LIF cells: one generator neuron firing `nspikes_in = 100` spikes at
 * timesep_in, 2·timesep_in, … (`(1+arange(nspikes_in))*timesep_in`), of which a run sees
 * those before its end.
 */
import { SpikeGeneratorGroup } from '../../sim/index.js';
import { offGridWarning, stepsOf, timeText } from '../checks.js';
import { time } from '../../options/params.js';
import type { Problem } from '../spec.js';

export const NSPIKES_IN = 100;

/** `--isi`: the notebook's timesep_in. */
export const isiParam = (def: string) => time(def, 'interval between input spikes (100 spikes, the first at --isi)').positive();

/** The spike times in seconds, computed as numpy does: (1 + k)·isi. */
export function inputTimes(isi: number): number[] {
  return Array.from({ length: NSPIKES_IN }, (_, k) => (1 + k) * isi);
}

export function inputTrain(isi: number): SpikeGeneratorGroup {
  const times = inputTimes(isi);
  return new SpikeGeneratorGroup(1, times.map(() => 0), times);
}

/** How many of the input spikes a run of `duration` delivers (at most one per step). */
export function inputsInRun(isi: number, duration: number, dt: number): number {
  const end = stepsOf(duration, dt);
  return inputTimes(isi).filter((t) => Number.isFinite(t) && SpikeGeneratorGroup.stepOf(t, dt) < end).length;
}

/**
 * --isi against the run: the 100 times must be finite, and no two may fall in one time step
 * (Brian2's SpikeGeneratorGroup refuses that for all its spikes, run or not). Times inside the
 * run but off the dt grid are warned about, as the week-2 generator inputs are.
 */
export function inputProblems(isi: number, duration: number, dt: number): Problem[] {
  const times = inputTimes(isi);
  if (!Number.isFinite(times[NSPIKES_IN - 1]))
    return [{ param: 'isi', message: `is too large: the ${NSPIKES_IN}th input spike, at ${NSPIKES_IN} × --isi, would lie beyond the largest time` }];
  const steps = times.map((t) => SpikeGeneratorGroup.stepOf(t, dt));
  const k = steps.findIndex((s, j) => j > 0 && s === steps[j - 1]);
  if (k > 0)
    return [
      {
        param: 'isi',
        message: `${timeText(isi)} puts input spikes ${k} and ${k + 1} (${timeText(times[k - 1])}, ${timeText(times[k])}) in the same ${timeText(dt)} step; one input can spike only once per step (Brian2 refuses this too)`,
        hint: 'make --isi at least one --dt, or --dt smaller',
      },
    ];
  const end = stepsOf(duration, dt);
  return offGridWarning('isi', times.filter((_, j) => steps[j] < end), dt);
}
