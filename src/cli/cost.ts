/**
 * Refusing runs that would take hours or exhaust memory, before they start, with the estimate
 * that made us refuse. --force overrides the time and memory limits, not the hard one.
 */
import type { Cost } from '../figures/spec.js';
import { UsageError } from './errors.js';

/** Runs larger than these are refused unless --force: hours of work, or gigabytes of samples. */
export const MAX_NEURON_STEPS = 2e12;
export const MAX_SAMPLES = 2e7;
/** Beyond this no --force helps: arrays this long do not fit in one Node process. */
export const HARD_MAX_SAMPLES = 1e9;
/**
 * Tuning-curve neuron updates per second and thread with the WebAssembly kernel (the
 * defaults, 8.2e8 updates, take ≈ 2.8 s in one thread). Used for the estimate only.
 */
export const NEURON_STEPS_PER_SECOND = 3e8;
/** What makes a run smaller, in whichever figure. */
const KNOBS = 'a shorter --duration, a larger --dt, a smaller --n or --points';
/** Bytes a recorded sample costs, in memory and in a JSON file (a double and its text). */
const BYTES_PER_SAMPLE = 20;

export function checkCost(cost: Cost | undefined, force: boolean, threads: number): void {
  if (!cost) return;
  const memory = `about ${cost.samples.toExponential(1)} numbers (${formatBytes(cost.samples * BYTES_PER_SAMPLE)})`;
  if (cost.samples > HARD_MAX_SAMPLES) throw new UsageError(`this run would record ${memory}, more than one process can hold`, `make it smaller (${KNOBS})`);
  if (force) return;
  if (cost.neuronSteps > MAX_NEURON_STEPS) {
    const seconds = cost.neuronSteps / (NEURON_STEPS_PER_SECOND * threads);
    throw new UsageError(
      `this run needs about ${cost.neuronSteps.toExponential(1)} neuron updates, roughly ${formatDuration(seconds)} on ${threads} thread${threads === 1 ? '' : 's'}`,
      `make it smaller (${KNOBS}) or pass --force to run it anyway`,
    );
  }
  if (cost.samples > MAX_SAMPLES) throw new UsageError(`this run would record ${memory}`, `make it smaller (${KNOBS}) or pass --force to run it anyway`);
}

export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1e9) return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
  return `${(bytes / 1e9).toPrecision(2)} GB`; // 40 GB, 4.0 GB, 4.0e+291 GB
}
