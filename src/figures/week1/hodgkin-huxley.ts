/**
 * Notebook section "Hodgkin-Huxley neuron" (cell 19): one action potential under a constant
 * current, the group on its own clock (dt = 0.01 ms), integrated by exponential Euler.
 *
 * The cell calls no tight_layout, so on its 4×3 in canvas both axis labels are partly cut off;
 * the published image shows them because Jupyter crops to the drawn extent. snn-figs draws what
 * was published: the axes at the cell's size (matplotlib's default subplot parameters), the
 * whole drawing centred on the canvas — nothing clipped.
 */
import { Network, NeuronGroup, StateMonitor, quantity } from '../../sim/index.js';
import { ms } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { area, current, duration, timeStep, voltage } from '../../options/params.js';
import { CURRENT_HH, membrane } from './hh-model.js';
import { CARRIED, stepsOf } from '../checks.js';
import type { Problem } from '../spec.js';

/** A reach of v for messages. */
const volts = (v: number) => (Number.isFinite(v) ? `about ${v.toPrecision(2)} V` : 'beyond the largest double');

/** Largest argument of the rate functions' exp that stays below the largest double (e^709.78). */
const EXP_ARGUMENT = 700;

/**
 * How far --current can drive v. Exponential Euler moves v towards v∞ = (Σ g·E + I)/Σ g without
 * overshooting, and the conductances pull v back inside [EK, ENa] = [-90, 50] mV; the current
 * carries it at most |I|/gl beyond (the steady state) and at most |I|·T/Cm (its whole drive over
 * the run of length T). Below, the rate alpha_h = 0.128·exp((17 mV − v + VT)/18 mV)/ms overflows
 * to Infinity and the gates turn into NaN; above, v, I/Cm and the rates that grow in proportion
 * to v (alpha_m ≈ 3.2e5/(V·s)·(v − VT)) must stay finite. The current is refused before the run
 * where either side would not.
 */
function currentReach({ current, duration, dt, vt, area }: { current: number; duration: number; dt: number; vt: number; area: number }): Problem[] {
  const Cm = 1e-2 * area; // 1 µF/cm² × area (m²)
  const gl = 0.5 * area; // 5e-5 S/cm² × area
  const T = (stepsOf(duration, dt) + 1) * dt;
  const perAmp = Math.min(T / Cm, 1 / gl); // volts of v per ampere of current
  const hint = 'use a smaller --current, or a shorter --duration';
  if (current < 0) {
    const floor = vt + 17e-3 - EXP_ARGUMENT * 18e-3; // alpha_h's exp stays finite above this v
    const limit = (-90e-3 - floor) / perAmp;
    if (limit <= 0 || -current <= limit) return []; // a --vt that overflows at rest is not the current's doing
    return [
      {
        param: 'current',
        message: `${current.toExponential(1)} A can drive v down to ${volts(-90e-3 + current * perAmp)}, where the rate alpha_h's exp((17 mV - v + VT)/18 mV) overflows a double (the run would end in NaN); keep a negative --current above ${(-limit).toPrecision(2)} A`,
        hint,
      },
    ];
  }
  const RATE_PER_VOLT = 1e6; // alpha_m ≈ 3.2e5/(V·s)·(v − VT), rounded up
  const limit = Math.min((CARRIED / RATE_PER_VOLT - 50e-3 - Math.abs(vt)) / perAmp, CARRIED * Cm);
  if (current <= limit) return [];
  return [
    {
      param: 'current',
      message: `${current.toExponential(1)} A can drive v up to ${volts(50e-3 + current * perAmp)}, where I/Cm or the rates growing with v (alpha_m ≈ 3.2e5/(V·s)·v) overflow a double (the run would end in NaN); keep --current at most ${limit.toPrecision(2)} A`,
      hint,
    },
  ];
}

export const hodgkinHuxley = figure({
  name: 'hodgkin-huxley',
  section: 'Hodgkin-Huxley neuron',
  summary: 'one action potential of a Hodgkin-Huxley neuron under a constant current',
  figsize: [4, 3],
  dpi: 100,
  method: 'exponential_euler',
  params: {
    current: current('5.6nA', 'constant input current I (the cell writes 0.7*nA*8)'),
    duration: duration('3ms'),
    dt: timeStep('0.01ms'),
    vt: voltage('-63mV', 'VT, the offset of the rate functions'),
    area: area('20000um2', 'membrane area').positive().max(1), // 1 m²: the conductances (per cm² × area) stay finite
  },
  cost: { neurons: 1, samplesPerStep: 1, weight: 10 }, // the rate functions' exps, per step
  check: currentReach,

  simulate({ current, duration, dt, vt, area }) {
    const El = quantity(-65, 'mV').value;
    const namespace = { ...membrane(area, El, vt), I_ext: quantity(current, 'amp') };
    const group = new NeuronGroup(1, CURRENT_HH, { method: 'exponential_euler', dt, namespace });
    group.set('v', El);
    const monitor = new StateMonitor(group, ['v']);
    // The default clock keeps Brian's 0.1 ms; only the group and its monitor run at dt.
    new Network([group, monitor], { dt: 1e-4 }).run(duration);
    return { t: ms(monitor.t), v: monitor.trace('v').map((v) => v / 1e-3) };
  },

  plot: ({ t, v }) => ({
    layout: { fit: 'centred-crop' },
    panels: [{ id: 'v', xlabel: 'Time (ms)', ylabel: 'Membrane potential (mV)', marks: [plot(t, v, { id: 'v' })] }],
  }),
});
