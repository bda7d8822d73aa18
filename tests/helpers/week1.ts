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

/** A fixture of the week-1 generators (scripts/fixtures/week1*.py). */
export interface Week1Fixture {
  figure: string;
  case: string;
  args: string[];
  series: Record<string, { x: number[]; y: number[] }>;
  /** reliable-spike-timing replays: the seed, the trials and which of them are stored. */
  seed?: number;
  trials?: number;
  trials_stored?: number[];
  threshold?: number;
  line?: number;
  sample_index?: number[];
  spike_steps?: number[];
}

/** A mark or legacy series as the JSON output (or FigureData) holds it; only ids, kinds, x/y arrays and values are read. */
export interface DataMark {
  id: string;
  kind?: string;
  x?: number[];
  y?: number[];
  value?: number;
}

/** Every drawn item of a figure (its JSON output or its FigureData), keyed "panel/id" (marks, or the legacy series). */
export function itemsOf(data: { panels: readonly { id: string; marks?: readonly object[]; series?: readonly object[] }[] }): Map<string, DataMark> {
  const out = new Map<string, DataMark>();
  for (const p of data.panels) for (const m of [...(p.series ?? []), ...(p.marks ?? [])] as DataMark[]) out.set(`${p.id}/${m.id}`, m);
  return out;
}

/** numpy's rint for the spike steps of the fixtures (t/dt lies next to a whole number). */
export function stepsOf(timesMs: readonly number[], dtMs: number): number[] {
  return timesMs.map((t) => Math.round(t / dtMs));
}

/** Each trial's inter-spike intervals in steps, from a raster (x = ms, y = trial). */
export function intervalsByTrial(raster: { x: readonly number[]; y: readonly number[] }, trials: number, dtMs: number): number[][] {
  const steps = stepsOf(raster.x, dtMs);
  const out: number[][] = Array.from({ length: trials }, () => []);
  const last: (number | undefined)[] = Array.from({ length: trials });
  steps.forEach((s, k) => {
    const i = raster.y[k];
    if (last[i] !== undefined) out[i].push(s - last[i]!);
    last[i] = s;
  });
  return out;
}
