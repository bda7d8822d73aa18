/**
 * Notebook section "Spike time tuning curve": N noisy leaky neurons each receive two input
 * spikes δt apart; the mean spike count per neuron peaks when the inputs coincide.
 * One population per δt, as in the notebook's firing_rate(); each δt draws from its own
 * random streams, so results do not depend on how the work is split: condition k runs
 * NORMAL_LANES (4) independent streams interleaved by neuron, lane ℓ = Rng.stream(seed, 4k + ℓ),
 * neuron i drawing all its normals from lane i mod 4 in step order (interleavedStreams and
 * InterleavedNormals in src/sim/random.ts: the one definition of the layout).
 *
 * referenceRun() is the notebook's model on the generic core (the reference); the figure runs
 * the hand-tuned kernel (src/sim/kernels/noisy-lif.ts, or its WebAssembly build in the
 * workers), which tests/kernel.test.ts shows equal to the core bit for bit on the same streams.
 * With ctx.threads the conditions are spread over that many worker threads.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, Synapses, timestepOf } from '../sim/index.js';
import { runNoisyLif, type NoisyLifRun, type NoisyLifState } from '../sim/kernels/noisy-lif.js';
import { mapInWorkers, workerScript } from '../workers/pool.js';
import { InterleavedNormals, interleavedStreams, type Rng } from '../sim/random.js';
import { durationOnGrid, enoughSteps, stableStep, stepsOf, sweepInputs, time } from './checks.js';
import { linspace, mean, standardError, toMs } from './common.js';
import { DT_PARAM, positiveTime, type BuildContext, type FigureModule, type Params, type Problem } from './spec.js';

export const NOISY_LIF = 'dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1';

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

/**
 * The notebook's firing_rate(delta_t, w, N, tau, sigma): spike count of every neuron, the
 * noise drawn from `streams` in the interleaved layout (neuron i from streams[i mod L]).
 */
export function referenceRun(c: TuningCondition, streams: readonly Rng[]): NoisyLifState {
  const rng = new InterleavedNormals(streams, c.n);
  const H = new SpikeGeneratorGroup(2, [0, 1], [c.stimTime, c.stimTime + c.deltaT]);
  const G = new NeuronGroup(c.n, NOISY_LIF, { threshold: 'v>1', reset: 'v=0', method: 'euler', namespace: { tau: c.tau, sigma: c.sigma } });
  const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w: c.w } }).connectAll();
  const M = new SpikeMonitor(G, false);
  new Network([H, G, S, M], { dt: c.dt, rng }).run(c.duration);
  return { counts: M.count, v: G.variable('v') };
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

const WORKER = workerScript(import.meta.url, '../workers/tuning-curve');

/** Every condition's stats, in order: in worker threads when ctx.threads is set, else here. */
async function allStats(tasks: ConditionTask[], ctx: BuildContext): Promise<ConditionStats[]> {
  ctx.progress?.(0, tasks.length);
  if (ctx.threads !== undefined) {
    return mapInWorkers<ConditionTask, ConditionStats>(WORKER, tasks, { threads: ctx.threads, signal: ctx.signal, onDone: ctx.progress });
  }
  const out: ConditionStats[] = [];
  for (const task of tasks) {
    ctx.signal?.throwIfAborted();
    out.push(conditionStats(task));
    ctx.progress?.(out.length, tasks.length);
    // Let the event loop run between conditions (progress output, an abort).
    await new Promise((resolve) => setImmediate(resolve));
  }
  ctx.signal?.throwIfAborted();
  return out;
}

export function conditions(p: Params): TuningCondition[] {
  // As the notebook: np.linspace(-10, 10, 41)*ms, i.e. spaced in ms, then scaled to seconds.
  return linspace(toMs(p['delta-min'] as number), toMs(p['delta-max'] as number), p.points as number).map((deltaMs) => ({
    deltaT: deltaMs * 1e-3,
    w: p.w as number,
    n: p.n as number,
    tau: p.tau as number,
    sigma: p.sigma as number,
    stimTime: p['stim-time'] as number,
    duration: p.duration as number,
    dt: p.dt as number,
  }));
}

export const tuningCurve: FigureModule = {
  name: 'tuning-curve',
  section: 'Spike time tuning curve',
  summary: 'mean spike count of noisy LIF neurons against the delay δt between two inputs',
  figsize: [8, 5],
  dpi: 200,
  params: [
    { name: 'w', kind: 'number', default: '0.8', help: 'synaptic weight of each input spike' },
    { name: 'n', kind: 'integer', default: '10000', help: 'neurons per δt (at least 2: the error bars are standard errors over neurons)', min: 2 },
    positiveTime('tau', '2ms', 'membrane time constant'),
    { name: 'sigma', kind: 'number', default: '0.3', help: 'noise amplitude (standard deviation of v)', min: 0 },
    { name: 'delta-min', kind: 'time', default: '-10ms', help: 'smallest δt' },
    { name: 'delta-max', kind: 'time', default: '10ms', help: 'largest δt' },
    { name: 'points', kind: 'integer', default: '41', help: 'number of δt values (1: δt = --delta-min only)', min: 1, max: 100_000 },
    { name: 'stim-time', kind: 'time', default: '150ms', help: 'time of the first input spike', min: 0 },
    positiveTime('duration', '200ms', 'simulated time per δt'),
    { name: 'seed', kind: 'integer', default: '1', help: 'random seed (same seed, same figure)', min: 0 },
    DT_PARAM,
  ],
  check(p) {
    const [lo, hi, points, dt] = [p['delta-min'] as number, p['delta-max'] as number, p.points as number, p.dt as number];
    const problems: Problem[] = [];
    // One point is δt = --delta-min alone (numpy's linspace with num=1), so --delta-max is moot.
    if (points === 1 && lo !== hi) problems.push({ option: 'points', warning: true, message: `1 draws only δt = --delta-min (${time(lo)}); --delta-max is not used` });
    if (points > 1 && lo > hi) problems.push({ option: 'delta-min', message: `${time(lo)} must not exceed --delta-max (${time(hi)})` });
    const deltas = conditions(p).map((c) => c.deltaT);
    return [
      ...problems,
      ...stableStep('euler', dt, { tau: p.tau as number }, false),
      ...enoughSteps(p.duration as number, dt),
      ...sweepInputs(p['stim-time'] as number, deltas, p.duration as number, dt),
      ...durationOnGrid(p.duration as number, dt),
    ];
  },
  cost: (p) => ({
    neuronSteps: (p.points as number) * (p.n as number) * stepsOf(p.duration as number, p.dt as number),
    samples: 2 * (p.n as number),
  }),
  async build(p: Params, ctx: BuildContext) {
    const conds = conditions(p);
    const stats = await allStats(
      conds.map((condition, k) => ({ condition, seed: p.seed as number, k })),
      ctx,
    );
    const means = stats.map((s) => s.mean);
    const sems = stats.map((s) => s.sem);
    return {
      figure: 'tuning-curve',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [
        {
          id: 'tuning-curve',
          title: 'Spike Time Tuning Curve',
          xlabel: '$\\delta t$ (ms)',
          ylabel: 'Mean spike count',
          series: [{ id: 'mean', x: conds.map((c) => c.deltaT / 1e-3), y: means, yErr: sems }],
        },
      ],
    };
  },
};
