/**
 * Exact parity of a figure's data file against a numpy/Brian2 fixture made by scripts/fixtures/
 * (weeks 4, 7, 9 and `tuning-curve --rng numpy`): every plotted number, mark by mark.
 *
 * A fixture series `panel/series` names the panel and the mark id. Integers (spike indices,
 * counts, draws) must be equal; floats are compared element by element and the comparison
 * reports how many are bit-identical and the worst relative deviation, so a test can demand
 * bit-identity or state a tolerance with its reason.
 */
import type { FigureData, Mark, Panel } from '../../src/figures/types.js';

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

function panelOf(data: FigureData, id: string): Panel {
  const panel = data.panels.find((p) => p.id === id);
  if (!panel) throw new Error(`no panel '${id}' (have ${data.panels.map((p) => p.id).join(', ')})`);
  return panel;
}

function marksOf(panel: Panel, id: string): Mark[] {
  const marks = (panel.marks ?? []).filter((m) => m.id === id);
  if (!marks.length) throw new Error(`panel '${panel.id}' has no mark '${id}' (have ${(panel.marks ?? []).map((m) => m.id).join(', ')})`);
  return marks;
}

/** Integers as the fixture has them: equal or a thrown error saying where. */
function sameIntegers(what: string, ours: ArrayLike<number>, ref: number[]): void {
  if (ours.length !== ref.length) throw new Error(`${what}: ${ours.length} values, expected ${ref.length}`);
  for (let k = 0; k < ref.length; k++)
    if (ours[k] !== ref[k]) throw new Error(`${what}[${k}] = ${ours[k]}, expected ${ref[k]}`);
}

/**
 * Compares every fixture series with the data file's mark of the same panel and id. Throws on a
 * missing mark, a different length or a different integer; returns the float agreement per series.
 */
export function compareWithFixture(data: FigureData, fixture: FigureFixture): Map<string, Agreement> {
  const out = new Map<string, Agreement>();
  for (const [key, ref] of Object.entries(fixture.series)) {
    const [panelId, markId] = key.split('/');
    const marks = marksOf(panelOf(data, panelId), markId);
    const m = marks[0];
    let a = NONE;
    switch (ref.kind) {
      case 'raster':
      case 'scatter': {
        if (m.kind !== 'raster' && m.kind !== 'scatter') throw new Error(`${key}: a ${m.kind}, expected ${ref.kind}`);
        sameIntegers(`${key} y`, m.y, ref.y!);
        a = agreement(m.x, ref.x!);
        if (ref.color) sameStrings(`${key} colours`, m.kind === 'scatter' && Array.isArray(m.color) ? m.color : [], ref.color);
        break;
      }
      case 'line':
      case 'steps-post':
      case 'fill': {
        if (m.kind !== 'plot' && m.kind !== 'step' && m.kind !== 'fill') throw new Error(`${key}: a ${m.kind}, expected ${ref.kind}`);
        a = merge(agreement(m.x, ref.x!), agreement(m.y, ref.y!));
        break;
      }
      case 'errorbar': {
        if (m.kind !== 'errorbar' && m.kind !== 'plot') throw new Error(`${key}: a ${m.kind}, expected an errorbar`);
        const yErr = m.kind === 'errorbar' ? m.yerr : m.yErr;
        a = merge(merge(agreement(m.x, ref.x!), agreement(m.y, ref.y!)), agreement(yErr ?? [], ref.yErr!));
        break;
      }
      case 'hist': {
        if (m.kind !== 'hist') throw new Error(`${key}: a ${m.kind}, expected a hist`);
        sameIntegers(`${key} counts`, m.counts, ref.y!);
        a = agreement(m.edges, ref.edges!);
        break;
      }
      case 'hline':
      case 'vline': {
        if (m.kind !== (ref.kind === 'hline' ? 'axhline' : 'axvline')) throw new Error(`${key}: a ${m.kind}, expected an ${ref.kind}`);
        a = agreement([m.value], ref.kind === 'hline' ? ref.y! : ref.x!);
        break;
      }
      case 'annotation': {
        // One annotate mark per box, all with the series' id, in the cell's order.
        const xs = marks.map((b) => (b.kind === 'annotate' ? b.x : NaN));
        sameIntegers(`${key} positions`, xs, ref.x!);
        sameStrings(`${key} texts`, marks.map((b) => (b.kind === 'annotate' ? b.text : '')), ref.x!.map(() => ref.text!));
        break;
      }
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
