/** The nine week-1 figures: their fixtures are checked by tests/parity-week1*.test.ts. */
export const WEEK1_FIGURES = [
  'biological-neuron',
  'biological-neuron-website',
  'integrate-and-fire',
  'lif',
  'lif-synapses',
  'adaptive-threshold',
  'hodgkin-huxley',
  'reliable-spike-timing',
  'reliable-spike-timing-non-leaky',
] as const;

/** The figure a fixture file belongs to (`<figure>--<case>.json`). */
export function fixtureFigure(file: string): string {
  return file.slice(0, file.indexOf('--'));
}

export function isWeek1Fixture(file: string): boolean {
  return (WEEK1_FIGURES as readonly string[]).includes(fixtureFigure(file));
}
