/**
 * Integrators come from one registry: the method list, the error for an unknown method, and
 * Brian's default choice (the first of 'exact', 'euler' that can integrate) derive from it.
 */
import { describe, expect, it } from 'vitest';
import { IntegrationError, METHODS, Network, NeuronGroup, StateMonitor, integrator, type Method } from '../../src/sim/index.js';

function run(eqs: string, options: ConstructorParameters<typeof NeuronGroup>[2], steps = 10) {
  const G = new NeuronGroup(1, eqs, options);
  G.set('v', 1);
  const M = new StateMonitor(G, ['v']);
  new Network([G, M], { dt: 1e-4 }).run(steps * 1e-4);
  return { G, v: M.trace('v') };
}

describe('the integrator registry', () => {
  it('lists every method and finds each by name', () => {
    expect(METHODS).toEqual(['euler', 'exact', 'rk4', 'exponential_euler']);
    for (const m of METHODS) expect(integrator(m).name).toBe(m);
  });

  it('refuses an unknown method with the list of known ones, when the group is made', () => {
    expect(() => integrator('heun')).toThrow(/unknown integration method 'heun' \(known: euler, exact, rk4, exponential_euler\)/);
    expect(() => new NeuronGroup(1, 'dv/dt = -v/tau : 1', { method: 'eulr' as Method, namespace: { tau: 0.01 } })).toThrow(IntegrationError);
  });

  it('an unknown method never silently leaves the variable unchanged', () => {
    // The silent failure of the old core: no update generated at all.
    expect(() => run('dv/dt = -v/tau : 1', { method: 'midpoint' as Method, namespace: { tau: 0.01 } })).toThrow(/unknown integration method/);
  });
});

describe("Brian's default method choice", () => {
  it("picks 'exact' for a linear equation (v·exp(−dt/τ) per step)", () => {
    const { G, v } = run('dv/dt = -v/tau : 1', { namespace: { tau: 0.01 } });
    expect(G.method).toBe('exact');
    expect(v[1]).toBe(Math.exp(-0.01));
  });

  it("falls back to 'euler' for a non-linear or stochastic equation", () => {
    const nonlinear = run('dv/dt = -v*v/tau : 1', { namespace: { tau: 0.01 } });
    expect(nonlinear.G.method).toBe('euler');
    expect(nonlinear.v[1]).toBe(1 + 1e-4 * (-1 / 0.01));
    const noisy = new NeuronGroup(3, 'dv/dt = -v/tau + xi/sqrt(tau) : 1', { namespace: { tau: 0.01 } });
    new Network([noisy], { dt: 1e-4, rng: { normal: () => 0.5 } }).run(1e-4);
    expect(noisy.method).toBe('euler');
  });

  it("falls back to 'euler' when a coefficient depends on t (Brian's exact refuses it too)", () => {
    expect(run('dv/dt = -v*t/tau**2 : 1', { namespace: { tau: 0.01 } }).G.method).toBe('euler');
  });

  it('refuses, rather than pick another method than Brian, a linear equation whose coefficient is a per-neuron parameter', () => {
    expect(() => run('dv/dt = -v/tau_n : 1\ntau_n : second', {})).toThrow(/Brian would integrate this group exactly; give a method explicitly/);
  });
});

describe('each method refuses what it cannot integrate, with a clear error', () => {
  it('exact, rk4 and exponential_euler refuse noise', () => {
    for (const method of ['exact', 'rk4', 'exponential_euler'] as const)
      expect(() => run('dv/dt = -v/tau + xi/sqrt(tau) : 1', { method, namespace: { tau: 0.01 } })).toThrow(
        new RegExp(`method '${method}' cannot integrate the stochastic`),
      );
  });

  it('euler refuses multiplicative noise', () => {
    expect(() => run('dv/dt = -v/tau + v*xi/sqrt(tau) : 1', { method: 'euler', namespace: { tau: 0.01 } })).toThrow(/additive noise only/);
  });

  it('exponential_euler refuses an equation not linear in its own variable', () => {
    expect(() => run('dv/dt = -v*v/tau : 1', { method: 'exponential_euler', namespace: { tau: 0.01 } })).toThrow(/not linear in 'v'/);
  });
});
