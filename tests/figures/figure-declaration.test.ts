/**
 * The figure declaration (src/figures/figure.ts, params.ts): option names and variants derived
 * from the declaration, the framework's run rules applied wherever duration/dt/method exist,
 * the cost estimate, plot-only parameters outside the simulation, quantities with units.
 */
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { usageError, type UsageError } from '../../src/cli/errors.js';
import { ProblemError } from '../../src/options/problems.js';
import { figure, type Drawing } from '../../src/figures/figure.js';
import type { Panel } from '../../src/data/types.js';
import { plot } from '../../src/data/marks.js';
import { area, choice, conductance, dt, duration, method, num, nums, rate, text, time, timeConstant, times, voltage } from '../../src/options/params.js';
import { main } from '../../src/cli/main.js';
import { FIGURES, WEEKS } from '../../src/figures/registry.js';
import { siUnit, type DimensionName } from '../../src/options/dimensions.js';
import { METHODS } from '../../src/sim/index.js';
import { silentStreams } from '../helpers/streams.js';

let simulated = 0;
const toy = figure({
  name: 'toy',
  section: 'Toy',
  summary: 'a leaky neuron',
  figsize: [4, 3],
  dpi: 100,
  params: {
    tauM: timeConstant('10ms', 'membrane time constant'),
    vRest: voltage('-70mV', 'resting potential').max(0),
    spikes: times('10,20ms', 'input spike times').min(0).generatorTimes(),
    kick: time('5ms', 'when v is set').min(0).splitsRun(),
    colour: choice(['red', 'blue'], 'red', 'line colour').plotOnly(),
    scale: num('1', 'y scale').plotOnly(),
    duration: duration('50ms'),
    method: method('euler'),
    dt,
  },
  variants: [{ name: 'toy-blue', set: { colour: 'blue' }, figsize: [4, 2], description: 'in blue' }],
  cost: { neurons: 3, samplesPerStep: 2 },
  simulate({ tauM, vRest, spikes, duration, dt }) {
    simulated++;
    return { t: [0, dt, duration], v: [vRest, vRest + spikes.length, tauM] };
  },
  plot: ({ t, v }, { colour, scale }) => ({
    id: 'toy',
    marks: [
      plot(
        t,
        v.map((y) => y * scale),
        { id: 'v', c: colour },
      ),
    ],
  }),
});

function parse(given: Record<string, string>) {
  return parseParams(toy, given);
}

function refusal(given: Record<string, string>): UsageError {
  try {
    parse(given);
  } catch (e) {
    if (e instanceof ProblemError) return usageError(e.problem);
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(given)}`);
}

describe('a declared figure', () => {
  it('names its options in kebab case and spells its variants as options', () => {
    expect(toy.params.map((p) => p.name)).toEqual(['tau-m', 'v-rest', 'spikes', 'kick', 'colour', 'scale', 'duration', 'method', 'dt']);
    expect(toy.variants).toEqual([{ name: 'toy-blue', description: 'in blue', args: ['--colour', 'blue', '--figsize', '4x2'] }]);
    expect(toy.params.find((p) => p.name === 'method')?.choices).toEqual(METHODS); // the core's integrator registry
  });

  it('applies the run rules from its time constants, inputs and run split', () => {
    expect(refusal({ dt: '20ms' }).message).toBe('--dt 20 ms makes forward Euler blow up: it needs dt < 2 × --tau-m = 20 ms');
    expect(refusal({ dt: '20ms' }).hint).toBe('use --dt 1 ms or smaller, or --method exact');
    expect(refusal({ spikes: '10,60ms' }).message).toMatch(/^--spikes 60 ms falls at or after the end of the run/);
    expect(refusal({ kick: '49.95ms' }).message).toMatch(/^--kick 49\.95 ms must come at least 2 steps/);
    expect(refusal({ dt: '50ms', method: 'exact' }).message).toBe('--dt 50 ms leaves 1 step in the 50 ms run (--duration); the figure needs at least 2');
    const { warnings } = parse({ dt: '0.3ms', spikes: '10.05ms' });
    expect(warnings.map((w) => w.param)).toEqual(['spikes', 'kick', 'duration']);
  });

  it('estimates its cost from neurons and samples per step', () => {
    // The work by kind is what the time estimate reads: steps of the loop, updates, records.
    expect(toy.cost!(parse({}).params)).toEqual({ neuronSteps: 3 * 500, samples: 2 * 500, work: { steps: 500, updates: 3 * 500, records: 2 * 500 } });
  });

  it('simulates without its plot-only parameters and draws with them', async () => {
    const { params } = parse({});
    const before = simulated;
    const simulation = await toy.simulate(params);
    const red = simulation.draw(params);
    const blue = simulation.draw({ ...params, colour: 'blue', scale: 2 });
    expect(simulated - before).toBe(1);
    expect(toy.simulationKey(params)).toBe(toy.simulationKey({ ...params, colour: 'blue', scale: 2 }));
    expect(red.panels[0].marks?.[0]).toMatchObject({ color: 'red', y: [-0.07, -0.07 + 2, 0.01] });
    expect(blue.panels[0].marks?.[0]).toMatchObject({ color: 'blue', y: [-0.14, (-0.07 + 2) * 2, 0.02] });
    expect(red.layout).toEqual({ rows: 1, cols: 1 });
    expect(red.params).toMatchObject({ 'tau-m': 10, 'v-rest': -70, spikes: [10, 20], colour: 'red' });
    expect(red.paramUnits).toMatchObject({ 'tau-m': 'ms', 'v-rest': 'mV', spikes: 'ms' });
  });

  it('makes the grid as large as the panels need, unless the plot gives its layout', async () => {
    const grid = (plot: () => Panel | Panel[] | Drawing) =>
      figure({ name: 'grid', section: '', summary: '', figsize: [1, 1], dpi: 100, params: {}, simulate: () => 0, plot }).build({});
    expect(
      (
        await grid(() => [
          { id: 'a', marks: [] },
          { id: 'b', marks: [], row: 1, col: 2 },
        ])
      ).layout,
    ).toEqual({ rows: 2, cols: 3 });
    expect((await grid(() => ({ panels: [{ id: 'a', marks: [] }], layout: { cols: 2 } }))).layout).toEqual({ rows: 1, cols: 2 });
  });

  it('refuses a parameter set that was not parsed (wrong kinds)', async () => {
    const { params } = parse({});
    await expect(toy.simulate({ ...params, 'tau-m': '10ms' })).rejects.toThrow(/--tau-m is not a parsed time/);
  });
});

describe('quantities with units', () => {
  const quantities = figure({
    name: 'units',
    section: '',
    summary: '',
    figsize: [1, 1],
    dpi: 100,
    params: {
      v: voltage('-70mV', 'v'),
      g: conductance('10nS', 'g').min(0),
      a: area('20000um2', 'a'),
      f: rate('10Hz', 'f'),
      widths: nums('5,1,0.1', 'w').min(0),
      bits: text('0110', 'bits', /^[01]+$/, 'a string of 0s and 1s such as 0110'),
    },
    simulate: (p) => p,
    plot: () => [],
  });
  const value = (option: string, text: string) => {
    try {
      return parseParams(quantities, { [option]: text }).params[option];
    } catch (e) {
      throw e instanceof ProblemError ? usageError(e.problem) : e;
    }
  };

  it.each([
    ['v', '-70mV', -0.07],
    ['v', '-70 mV', -0.07],
    ['v', '-70', -0.07],
    ['v', '-0.07V', -0.07],
    ['g', '10nS', 1e-8],
    ['g', '0.01 uS', 1e-8],
    ['a', '20000um2', 2e-8],
    ['a', '20000 µm²', 2e-8],
    ['a', '2e-4cm^2', 2e-8],
    ['f', '1kHz', 1000],
  ])('--%s %s', (option, text, si) => {
    expect(value(option, text)).toBeCloseTo(si, 20);
  });

  it('spells an SI number in its SI unit (how the library passes numbers on)', () => {
    const dimensions: DimensionName[] = ['voltage', 'conductance', 'current', 'capacitance', 'rate', 'area'];
    expect(dimensions.map(siUnit)).toEqual(['V', 'S', 'A', 'F', 'Hz', 'm2']);
    expect(value('v', `${-0.07}${siUnit('voltage')}`)).toBe(-0.07);
  });

  it('lists of numbers and patterned words', () => {
    expect(value('widths', '5, 1,0.1')).toEqual([5, 1, 0.1]);
    expect(value('bits', ' 0110101011 ')).toBe('0110101011');
    expect(() => value('widths', '5,x,1')).toThrow(/--widths expects a comma-separated list of numbers such as 5,1,0\.1, but item 'x' is not a number/);
    expect(() => value('widths', '5,-1')).toThrow(/--widths must be ≥ 0, got -1/);
    expect(() => value('bits', '0120')).toThrow(/--bits expects a string of 0s and 1s such as 0110, got '0120'/);
  });

  it.each([
    ['v', '-70mS', /--v expects a voltage in V, mV, uV, got '-70mS' \(unknown unit 'mS'\)/],
    ['v', 'NaN mV', /--v expects a voltage such as -70mV, got 'NaN mV'/],
    ['v', 'NaN', /--v expects a voltage such as -70mV, got 'NaN'/],
    ['v', 'Infinity', /--v expects a voltage such as -70mV, got 'Infinity'/],
    ['v', '0x10mV', /--v expects a voltage such as -70mV, got '0x10mV'/],
    ['v', '', /--v expects a voltage such as -70mV, got nothing/],
    ['g', '1e400nS', /--g expects a finite number, got '1e400nS'/],
    ['g', '-1nS', /--g must be ≥ 0 nS, got -1 nS/],
  ])('--%s %j is refused', (option, text, message) => {
    expect(() => value(option, text)).toThrow(message);
  });
});

describe('the week-2 figures', () => {
  it('declare their special abilities instead of being named in the CLI', () => {
    expect(FIGURES.filter((f) => f.parallel).map((f) => f.name)).toEqual(['tuning-curve']);
    expect(FIGURES.filter((f) => f.progress).map((f) => f.name)).toEqual(['tuning-curve']);
  });
});

describe('the registry by course week', () => {
  it('puts every figure in exactly one week, the weeks in course order', () => {
    const listed = WEEKS.flatMap((w) => w.figures.map((f) => f.name));
    expect([...listed].sort()).toEqual(FIGURES.map((f) => f.name).sort());
    expect(WEEKS.map((w) => w.week)).toEqual([1, 2, 4, 7, 9]);
  });

  it('names the week in each figure’s help', async () => {
    const help = silentStreams();
    await main(['stdp-latency', '--help'], help.io);
    expect(help.stdout()).toContain('Notebook section: week 4, "STDP / Latency reduction"');
  });
});
