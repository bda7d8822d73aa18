/**
 * Exact parity of a figure's data file against a numpy/Brian2 fixture made by scripts/fixtures/
 * (weeks 4, 7, 9 and `tuning-curve --rng numpy`): every plotted number, mark by mark.
 *
 * A fixture series `panel/series` names the panel and the mark id. Integers (spike indices,
 * counts, draws) must be equal; floats are compared element by element and the comparison
 * reports how many are bit-identical and the worst relative deviation, so a test can demand
 * bit-identity or state a tolerance with its reason.
 */

/** One entry of a schema-2 data file's `series`: a mark with its kind and pyplot property names. */
export interface DataEntry {
  kind: string;
  id: string;
  x: number[];
  y: number[];
  edges?: number[];
  counts?: number[];
  yErr?: number[];
  yerr?: number[];
  value?: number;
  text?: string;
  color?: string | string[];
  bbox?: { facecolor?: string };
}

export interface DataPanel {
  id: string;
  series: DataEntry[];
}

/** A data file as `snn-figs FIGURE --out x.json` writes it (schema 3). */
export interface DataFile {
  schemaVersion: number;
  figure: string;
  panels: DataPanel[];
}

export interface FixtureSeries {
  kind: string;
  x?: number[];
  y?: number[];
  edges?: number[];
  yErr?: number[];
  text?: string;
  color?: string[];
}

export interface FigureFixture {
  figure: string;
  case: string;
  args: string[];
  series: Record<string, FixtureSeries>;
  extra?: Record<string, unknown>;
}

/** How far one array of floats is from the reference. */
export interface Agreement {
  total: number;
  /** Elements equal bit for bit (Object.is). */
  identical: number;
  /** max |ours − ref| / |ref| (absolute where ref = 0). */
  worstRelative: number;
}

export function agreement(ours: ArrayLike<number>, ref: ArrayLike<number>): Agreement {
  if (ours.length !== ref.length) throw new Error(`length ${ours.length}, expected ${ref.length}`);
  let identical = 0;
  let worst = 0;
  for (let k = 0; k < ref.length; k++) {
    if (Object.is(ours[k], ref[k])) {
      identical++;
      continue;
    }
    const d = Math.abs(ours[k] - ref[k]) / (ref[k] === 0 ? 1 : Math.abs(ref[k]));
    worst = Math.max(worst, Number.isNaN(d) ? Infinity : d);
  }
  return { total: ref.length, identical, worstRelative: worst };
}

export function merge(a: Agreement, b: Agreement): Agreement {
  return { total: a.total + b.total, identical: a.identical + b.identical, worstRelative: Math.max(a.worstRelative, b.worstRelative) };
}

export const NONE: Agreement = { total: 0, identical: 0, worstRelative: 0 };

function panelOf(data: DataFile, id: string): DataPanel {
  const panel = data.panels.find((p) => p.id === id);
  if (!panel) throw new Error(`no panel '${id}' (have ${data.panels.map((p) => p.id).join(', ')})`);
  return panel;
}

function marksOf(panel: DataPanel, id: string): DataEntry[] {
  const marks = panel.series.filter((m) => m.id === id);
  if (!marks.length) throw new Error(`panel '${panel.id}' has no entry '${id}' (have ${panel.series.map((m) => m.id).join(', ')})`);
  return marks;
}

/** The cell's box colours: R (a draw of +1) light green, L (−1) light blue, lettered or blank. */
const BOX_COLOURS: Record<string, string> = { R: 'lightgreen', L: 'lightblue' };

/** The annotate boxes of a panel for one side of the walk (R or L), in drawing order. */
function boxesOf(panel: DataPanel, side: string): DataEntry[] {
  const boxes = panel.series.filter((m) => m.kind === 'annotate' && m.bbox?.facecolor === BOX_COLOURS[side]);
  if (!boxes.length) throw new Error(`panel '${panel.id}' has no ${side} box`);
  return boxes;
}

function expectKind(key: string, m: DataEntry, kinds: string[]): void {
  if (!kinds.includes(m.kind)) throw new Error(`${key}: a ${m.kind}, expected ${kinds.join(' or ')}`);
}

/** Integers as the fixture has them: equal or a thrown error saying where. */
function sameIntegers(what: string, ours: ArrayLike<number>, ref: number[]): void {
  if (ours.length !== ref.length) throw new Error(`${what}: ${ours.length} values, expected ${ref.length}`);
  for (let k = 0; k < ref.length; k++) if (ours[k] !== ref[k]) throw new Error(`${what}[${k}] = ${ours[k]}, expected ${ref[k]}`);
}

/**
 * Compares every fixture series with the data file's mark of the same panel and id. Throws on a
 * missing mark, a different length or a different integer; returns the float agreement per series.
 */
export function compareWithFixture(data: DataFile, fixture: FigureFixture): Map<string, Agreement> {
  const out = new Map<string, Agreement>();
  for (const [key, ref] of Object.entries(fixture.series)) {
    const [panelId, markId] = key.split('/');
    // The cell's boxes are one series per side; ours are one annotate each (draw-t), told by their colour.
    const marks = ref.kind === 'annotation' ? boxesOf(panelOf(data, panelId), markId) : marksOf(panelOf(data, panelId), markId);
    const m = marks[0];
    let a = NONE;
    switch (ref.kind) {
      case 'raster':
      case 'scatter':
        expectKind(key, m, ['raster', 'scatter']);
        sameIntegers(`${key} y`, m.y, ref.y!);
        a = agreement(m.x, ref.x!);
        if (ref.color) sameStrings(`${key} colours`, Array.isArray(m.color) ? m.color : [], ref.color);
        break;
      case 'line':
      case 'steps-post':
      case 'fill':
        expectKind(key, m, ['plot', 'step', 'fill']);
        a = merge(agreement(m.x, ref.x!), agreement(m.y, ref.y!));
        break;
      case 'errorbar':
        expectKind(key, m, ['errorbar', 'plot']);
        a = merge(merge(agreement(m.x, ref.x!), agreement(m.y, ref.y!)), agreement(m.yerr ?? m.yErr ?? [], ref.yErr!));
        break;
      case 'hist':
        expectKind(key, m, ['hist']);
        sameIntegers(`${key} counts`, m.counts!, ref.y!);
        a = agreement(m.edges!, ref.edges!);
        break;
      case 'hline':
      case 'vline':
        expectKind(key, m, [ref.kind === 'hline' ? 'axhline' : 'axvline']);
        a = agreement([m.value!], ref.kind === 'hline' ? ref.y! : ref.x!);
        break;
      case 'annotation':
        // One annotate entry per box, in the cell's order.
        marks.forEach((b) => expectKind(key, b, ['annotate']));
        sameIntegers(
          `${key} positions`,
          marks.map((b) => b.x[0]),
          ref.x!,
        );
        sameStrings(
          `${key} texts`,
          marks.map((b) => b.text ?? ''),
          ref.x!.map(() => ref.text!),
        );
        break;
      default:
        throw new Error(`${key}: unknown fixture kind '${ref.kind}'`);
    }
    out.set(key, a);
  }
  return out;
}

function sameStrings(what: string, ours: readonly string[], ref: readonly string[]): void {
  if (ours.length !== ref.length) throw new Error(`${what}: ${ours.length} values, expected ${ref.length}`);
  ref.forEach((r, k) => {
    if (ours[k] !== r) throw new Error(`${what}[${k}] = ${ours[k]}, expected ${r}`);
  });
}

/** One line for the record: identical / total and the worst relative deviation. */
export function describeAgreement(a: Agreement): string {
  return `${a.identical}/${a.total} bit-identical, worst relative ${a.worstRelative.toExponential(2)}`;
}

/** The figure's data file through the real CLI (`snn-figs FIGURE ARGS --out x.json`). */
export async function runFigureJson(figure: string, args: string[]): Promise<DataFile> {
  const { main } = await import('../../src/cli/main.js');
  const { silentStreams } = await import('./streams.js');
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), `snn-figs-${figure}-`));
  try {
    const out = join(dir, 'data.json');
    const { io, stderr } = silentStreams();
    const code = await main([figure, ...args, '--out', out, '--quiet'], io);
    if (code !== 0) throw new Error(`snn-figs ${figure} ${args.join(' ')} exited ${code}: ${stderr()}`);
    return JSON.parse(readFileSync(out, 'utf8')) as DataFile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every float of a comparison, summed over its series. */
export function overall(result: Map<string, Agreement>): Agreement {
  return [...result.values()].reduce(merge, NONE);
}

/**
 * The parity suite of a week: each figure has its defaults and at least two other fixtures, and
 * every fixture's plotted numbers equal the reference bit for bit (printed for the record).
 */
export async function describeExactParity(title: string, figures: readonly string[]): Promise<void> {
  const { describe, expect, it } = await import('vitest');
  const { fixtureFiles, readFixture } = await import('./fixtures.js');
  const cases = fixtureFiles('figures').filter((f) => figures.some((name) => f.startsWith(`${name}--`)));
  describe(title, () => {
    it('has the defaults and two other seeds or parameter sets per figure', () => {
      for (const name of figures) {
        const mine = cases.filter((f) => f.startsWith(`${name}--`));
        expect(mine).toContain(`${name}--defaults.json`);
        expect(mine.length).toBeGreaterThanOrEqual(3);
      }
    });

    it.each(cases)('%s', { timeout: 60_000 }, async (file) => {
      const fixture = readFixture<FigureFixture>('figures', file);
      const all = overall(compareWithFixture(await runFigureJson(fixture.figure, fixture.args), fixture));
      console.log(`${file}: ${describeAgreement(all)}`);
      expect(all.identical).toBe(all.total);
    });
  });
}
