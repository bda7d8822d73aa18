/** Equation flags and units are parsed, never swallowed: an unknown flag or unit is a clear error. */
import { describe, expect, it } from 'vitest';
import { parseEquations } from '../../src/sim/equations.js';
import { NeuronGroup } from '../../src/sim/index.js';

describe('equation flags', () => {
  it('reads the flags Brian knows, per kind of equation', () => {
    const eqs = parseEquations(`
      dv/dt = (1 - v)/tau : 1 (unless refractory)
      dw/dt = -w/tau : 1
      onset : second (constant)
      rate = 10*Hz : Hz (shared)
      x : 1 (linked)
      g : siemens (constant, shared)`);
    expect(eqs.differential.map((d) => [d.name, [...d.flags]])).toEqual([
      ['v', ['unless refractory']],
      ['w', []],
    ]);
    expect(eqs.parameters).toEqual(['onset', 'g']);
    expect(eqs.linked).toEqual(['x']);
    expect([...eqs.all.find((e) => e.name === 'g')!.flags]).toEqual(['constant', 'shared']);
  });

  it('does not swallow a flag into the unit (the old silent failure)', () => {
    const eqs = parseEquations('dv/dt = -v/tau : 1 (unless refractory)');
    expect(eqs.differential[0].unit).not.toContain('unless');
    expect(eqs.all[0].dim).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(eqs.differential[0].flags.has('unless refractory')).toBe(true);
  });

  it('refuses an unknown flag, or a flag on the wrong kind of equation, naming the allowed ones', () => {
    expect(() => parseEquations('dv/dt = -v/tau : 1 (unless refactory)')).toThrow(
      /unknown flag '\(unless refactory\)' on the differential 'v'.*allowed: \(unless refractory\)/,
    );
    expect(() => parseEquations('w : 1 (unless refractory)')).toThrow(/unknown flag '\(unless refractory\)' on the parameter 'w'/);
    expect(() => parseEquations('dv/dt = -v/tau : 1 (constant)')).toThrow(/unknown flag '\(constant\)'/);
  });

  it('needs a refractory period for (unless refractory)', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = -v/tau : 1 (unless refractory)', { namespace: { tau: 0.01 } })).toThrow(/needs a refractory period/);
  });
});

describe('equation units', () => {
  it('takes base units and products of them', () => {
    const eqs = parseEquations('dv/dt = -v/tau : volt\ng : siemens\nA : metre**2\nC : farad/metre**2\nb : boolean\nk : integer\nf : Hz');
    expect(eqs.dims.get('v')).toEqual([2, 1, -3, -1, 0, 0, 0]);
    expect(eqs.dims.get('A')).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(eqs.dims.get('C')).toEqual([-4, -1, 4, 2, 0, 0, 0]);
    expect(eqs.dims.get('f')).toEqual([0, 0, -1, 0, 0, 0, 0]);
  });

  it('refuses an unknown unit and a scaled unit (mV: Brian wants volt)', () => {
    expect(() => parseEquations('dv/dt = -v/tau : volts')).toThrow(/unknown unit 'volts'/);
    expect(() => parseEquations('dv/dt = -v/tau : mV')).toThrow(/must be a base unit/);
  });

  it('continues an expression over several lines until its ": unit"', () => {
    const eqs = parseEquations('dv/dt = (a -\n  v)/tau\n  : 1\nw : 1');
    expect(eqs.differential.map((d) => d.name)).toEqual(['v']);
    expect(eqs.parameters).toEqual(['w']);
  });

  it('refuses names that are units or reserved', () => {
    expect(() => parseEquations('mV : 1')).toThrow(/name of a unit/);
    expect(() => parseEquations('lastspike : second')).toThrow(/reserved/);
    expect(() => parseEquations('xi_1 : 1')).toThrow(/reserved/);
  });
});
