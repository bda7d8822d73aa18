/** The integrators against closed-form solutions, and what each refuses. */
import { describe, expect, it } from 'vitest';
import { Network, NeuronGroup, StateMonitor, type Method } from '../../src/sim/index.js';
import { Rng } from '../../src/sim/random.js';
import { worstDeviation } from '../helpers/fixtures.js';

/** Runs a one-neuron model from initial values and returns the traces and sample times. */
function trace(eqs: string, method: Method, namespace: Record<string, number>, initial: Record<string, number>, record: string[], duration = 0.05, dt = 1e-4) {
  const G = new NeuronGroup(1, eqs, { method, namespace });
  for (const [k, v] of Object.entries(initial)) G.set(k, v);
  const M = new StateMonitor(G, record);
  new Network([G, M], { dt }).run(duration);
  return { t: M.t, get: (name: string) => M.trace(name) };
}

const tau = 0.01;
const tau2 = 0.002;

describe('exact', () => {
  it('solves a decay exactly', () => {
    const r = trace('dv/dt = -v/tau : 1', 'exact', { tau }, { v: 1 }, ['v']);
    expect(
      worstDeviation(
        r.get('v'),
        r.t.map((t) => Math.exp(-t / tau)),
      ),
    ).toBeLessThan(1e-13);
  });

  it('solves a driven decay (constant term) exactly', () => {
    const r = trace('dv/dt = (2 - v)/tau : 1', 'exact', { tau }, {}, ['v']);
    expect(
      worstDeviation(
        r.get('v'),
        r.t.map((t) => 2 * (1 - Math.exp(-t / tau))),
      ),
    ).toBeLessThan(1e-13);
  });

  it('solves the alpha kernel (repeated eigenvalue) exactly', () => {
    const r = trace('du/dt = (x - u)/tau : 1\ndx/dt = -x/tau : 1', 'exact', { tau }, { x: 1 }, ['u']);
    expect(
      worstDeviation(
        r.get('u'),
        r.t.map((t) => (t / tau) * Math.exp(-t / tau)),
      ),
    ).toBeLessThan(1e-12);
  });

  it('solves the biexponential exactly', () => {
    const r = trace('dz/dt = (I - z)/tau : 1\ndI/dt = -I/tau2 : 1', 'exact', { tau, tau2 }, { I: 1 }, ['z']);
    const A = tau2 / (tau - tau2);
    expect(
      worstDeviation(
        r.get('z'),
        r.t.map((t) => A * (Math.exp(-t / tau) - Math.exp(-t / tau2))),
      ),
    ).toBeLessThan(1e-12);
  });

  it('refuses a non-linear model with a clear error', () => {
    expect(() => trace('dv/dt = v*v/tau : 1', 'exact', { tau }, {}, ['v'])).toThrow(/method 'exact' needs linear equations.*'dv\/dt' is not linear in 'v'/);
    expect(() => trace('dv/dt = exp(v)/tau : 1', 'exact', { tau }, {}, ['v'])).toThrow(/not linear/);
  });

  it('refuses noise', () => {
    expect(() => trace('dv/dt = -v/tau + xi/sqrt(tau) : 1', 'exact', { tau }, {}, ['v'])).toThrow(/stochastic/);
  });
});

describe('rk4', () => {
  it('follows the logistic equation to 1e-10', () => {
    const r = trace('dv/dt = v*(1 - v)/tau : 1', 'rk4', { tau }, { v: 0.1 }, ['v']);
    const closed = r.t.map((t) => 1 / (1 + (1 / 0.1 - 1) * Math.exp(-t / tau)));
    expect(worstDeviation(r.get('v'), closed)).toBeLessThan(1e-10);
  });

  it('is fourth order: halving dt divides the error by about 16', () => {
    const error = (dt: number) => {
      const r = trace('dv/dt = -v/tau : 1', 'rk4', { tau }, { v: 1 }, ['v'], 0.02, dt);
      return worstDeviation(
        r.get('v'),
        r.t.map((t) => Math.exp(-t / tau)),
      );
    };
    const ratio = error(1e-3) / error(5e-4);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
  });

  it('refuses noise', () => {
    expect(() => trace('dv/dt = -v/tau + xi/sqrt(tau) : 1', 'rk4', { tau }, {}, ['v'])).toThrow(/stochastic/);
  });
});

describe('euler', () => {
  it('is forward Euler: v_k = (1 - dt/tau)^k', () => {
    const r = trace('dv/dt = -v/tau : 1', 'euler', { tau }, { v: 1 }, ['v'], 0.01);
    r.get('v').forEach((v, k) => expect(v).toBeCloseTo((1 - 1e-4 / tau) ** k, 13));
  });

  it('evaluates every derivative on the old state', () => {
    // dx/dt = y, dy/dt = -x from (1, 0): one step gives (1, -dt), not (1, -dt) then x from the new y.
    const r = trace('dx/dt = y/tau : 1\ndy/dt = -x/tau : 1', 'euler', { tau: 1 }, { x: 1 }, ['x', 'y'], 2e-4);
    expect(r.get('x')[1]).toBe(1);
    expect(r.get('y')[1]).toBe(-1e-4);
  });

  it('is Euler–Maruyama with noise: the stationary variance of an OU process', () => {
    const sigma = 0.3;
    const dt = 1e-4;
    const n = 20000;
    const G = new NeuronGroup(n, 'dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1', { method: 'euler', namespace: { tau: 0.002, sigma } });
    new Network([G], { dt, rng: new Rng(7) }).run(0.02); // 10 time constants: stationary
    const v = G.variable('v');
    const mean = v.reduce((a, b) => a + b, 0) / n;
    const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    // The discrete process v ← (1 − dt/τ) v + σ sqrt(2dt/τ) n has variance σ² / (1 − dt/(2τ)).
    const expected = sigma ** 2 / (1 - dt / (2 * 0.002));
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / n));
    expect(Math.abs(variance - expected)).toBeLessThan(5 * expected * Math.sqrt(2 / n));
  });
});
