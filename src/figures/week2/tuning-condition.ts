/**
 * One δt condition of the tuning curve as a worker thread runs it: the model's parameters, the
 * kernel's description of the run and the statistics sent back. Apart from ./tuning-model.ts
 * (the generic core, numpy's generator) so that a worker loads only this, the kernel and the
 * random streams.
 */
import { runNoisyLif, type NoisyLifRun, type NoisyLifState } from '../../sim/kernels/noisy-lif.js';
import { interleavedStreams, type Rng } from '../../sim/random.js';
import { timestepOf } from '../../sim/schedule.js';
import { SpikeGeneratorGroup } from '../../sim/spike-generator.js';
import { mean, standardError } from '../common.js';

export interface TuningCondition {
  deltaT: number;
  w: number;
  n: number;
  tau: number;
  sigma: number;
  stimTime: number;
  duration: number;
  dt: number;
}

/** The kernel's description of one condition: the same steps and input steps as the core's. */
export function kernelRun(c: TuningCondition): NoisyLifRun {
  return {
    n: c.n,
    tau: c.tau,
    sigma: c.sigma,
    w: c.w,
    dt: c.dt,
    steps: timestepOf(c.duration, c.dt),
    inputSteps: [SpikeGeneratorGroup.stepOf(c.stimTime, c.dt), SpikeGeneratorGroup.stepOf(c.stimTime + c.deltaT, c.dt)],
  };
}

/** One δt condition as sent to a worker: condition k of the figure draws from interleavedStreams(seed, k). */
export interface ConditionTask {
  condition: TuningCondition;
  seed: number;
  k: number;
}

export interface ConditionStats {
  mean: number;
  sem: number;
}

export type NoisyLifKernel = (run: NoisyLifRun, streams: readonly Rng[]) => NoisyLifState;

/** Mean spike count and its standard error for one condition (pure; used in the workers). */
export function conditionStats(task: ConditionTask, kernel: NoisyLifKernel = runNoisyLif): ConditionStats {
  const { counts } = kernel(kernelRun(task.condition), interleavedStreams(task.seed, task.k));
  return { mean: mean(counts), sem: standardError(counts) };
}

/** The pool job whose tasks are ConditionTasks and results ConditionStats (conditionStats). */
export const TUNING_JOB = 'tuning-curve';

